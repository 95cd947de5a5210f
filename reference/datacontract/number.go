package datacontract

import (
	"math"
	"strconv"
	"strings"
)

// appendDouble writes f as .NET Framework's XmlConverter.ToString(double) does:
// INF/-INF/NaN, "-0", else the "R" format (G15 when it round-trips, else G17).
// Go's shortest form differs in digits, exponent case and thresholds.
func appendDouble(b []byte, f float64) []byte {
	return appendR(b, f, 64, 15)
}

// appendSingle is appendDouble for float (System.Single): G7, else G9.
func appendSingle(b []byte, f float32) []byte {
	return appendR(b, float64(f), 32, 7)
}

func appendR(b []byte, f float64, bits, prec int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, "NaN"...)
	case math.IsInf(f, 1):
		return append(b, "INF"...)
	case math.IsInf(f, -1):
		return append(b, "-INF"...)
	case f == 0:
		if math.Signbit(f) {
			return append(b, "-0"...)
		}
		return append(b, '0')
	}
	if bits == 64 && math.Abs(f) >= 0x1p-1022 {
		// A normal double's half-ulp is below half a unit of the 15th digit, so a
		// shortest round-trip text of ≤ 15 digits is exactly what G15 gives.
		var tmp [32]byte
		short := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
		if n := bytesIndexE(short); n-countNonDigits(short[:n]) <= prec {
			return appendG(b, string(short), prec)
		}
	}
	s := digitsHalfUp(f, prec)
	if back, err := strconv.ParseFloat(s, bits); err != nil || back != f {
		prec += 2
		s = digitsHalfUp(f, prec)
	}
	return appendG(b, s, prec)
}

// digitsHalfUp is FormatFloat(f, 'e', prec-1) except that an exact tie rounds
// away from zero, as .NET's digit generator does (Go rounds ties to even).
func digitsHalfUp(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'e', prec-1, 64)
	long := strconv.FormatFloat(f, 'e', prec+24, 64)
	e := strings.IndexByte(long, 'e')
	neg := long[0] == '-'
	digits := []byte(strings.Replace(strings.TrimPrefix(long[:e], "-"), ".", "", 1))
	if tail := digits[prec:]; tail[0] != '5' || strings.Trim(string(tail[1:]), "0") != "" {
		return s
	}
	exp, _ := strconv.Atoi(long[e+1:])
	digits = digits[:prec]
	i := prec - 1
	for ; i >= 0 && digits[i] == '9'; i-- {
		digits[i] = '0'
	}
	if i < 0 {
		digits = append([]byte{'1'}, digits[:prec-1]...)
		exp++
	} else {
		digits[i]++
	}
	out := string(digits[:1]) + "." + string(digits[1:]) + "e" + strconv.Itoa(exp)
	if neg {
		out = "-" + out
	}
	return out
}

// appendG turns strconv's d.ddde±XX into .NET's "G<prec>" text: trailing zeros
// dropped, fixed notation when -5 < exponent < prec, else d.dddE±XX.
func appendG(b []byte, s string, prec int) []byte {
	if s[0] == '-' {
		b = append(b, '-')
		s = s[1:]
	}
	epos := 0
	for s[epos] != 'e' {
		epos++
	}
	exp, _ := strconv.Atoi(s[epos+1:])
	digits := make([]byte, 0, 20)
	for i := 0; i < epos; i++ {
		if s[i] != '.' {
			digits = append(digits, s[i])
		}
	}
	for len(digits) > 1 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if exp > -5 && exp < prec {
		return appendFixed(b, digits, exp)
	}
	b = append(b, digits[0])
	if len(digits) > 1 {
		b = append(b, '.')
		b = append(b, digits[1:]...)
	}
	b = append(b, 'E')
	if exp < 0 {
		b = append(b, '-')
		exp = -exp
	} else {
		b = append(b, '+')
	}
	if exp < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(exp), 10)
}

func appendFixed(b, digits []byte, exp int) []byte {
	if exp < 0 {
		b = append(b, '0', '.')
		for i := 0; i < -exp-1; i++ {
			b = append(b, '0')
		}
		return append(b, digits...)
	}
	for i := 0; i <= exp; i++ {
		if i < len(digits) {
			b = append(b, digits[i])
		} else {
			b = append(b, '0')
		}
	}
	if len(digits) > exp+1 {
		b = append(b, '.')
		b = append(b, digits[exp+1:]...)
	}
	return b
}

// validFloatText reports whether s matches NumberStyles.Float after trimming:
// [sign]digits[.digits][(e|E)[sign]digits], one side of the point may be empty.
// strconv alone would also take "Inf", hex floats and underscores, which .NET refuses.
func validFloatText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	n := 0
	for i < len(s) && isDigit(s[i]) {
		i, n = i+1, n+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i, n = i+1, n+1
		}
	}
	if n == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		m := 0
		for i < len(s) && isDigit(s[i]) {
			i, m = i+1, m+1
		}
		if m == 0 {
			return false
		}
	}
	return i == len(s)
}

// validIntText reports whether s is [sign]digits, the NumberStyles.Integer shape.
func validIntText(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimXMLSpace drops the whitespace XmlConvert trims around numbers and booleans.
func trimXMLSpace(s string) string {
	for len(s) > 0 && isXMLSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isXMLSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func bytesIndexE(b []byte) int {
	for i, c := range b {
		if c == 'e' {
			return i
		}
	}
	return len(b)
}

func countNonDigits(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			n++
		}
	}
	return n
}
