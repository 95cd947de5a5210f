package datacontract

import (
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// DateTimeKind mirrors System.DateTimeKind because DCJS writes the same instant
// differently per kind (suffix, and for Unspecified even the milliseconds).
type DateTimeKind int

// The three kinds of a .NET DateTime.
const (
	Unspecified DateTimeKind = iota // wall clock read in the server's zone
	Utc                             // written without offset suffix
	Local                           // written with the server's offset
)

// DateTime is a .NET System.DateTime. Go's time.Time has no kind, yet the kind
// decides the wire bytes. For Utc and Local, Time is the instant; for Unspecified
// only Time's wall clock (year…nanosecond in its own location) counts and is read
// in the server zone, as .NET's ToUniversalTime does.
type DateTime struct {
	Time time.Time
	Kind DateTimeKind
}

// DateTimeOffset is a .NET System.DateTimeOffset: the instant plus the offset
// carried by Time's zone, written as {"DateTime":"\/Date(utc ms)\/","OffsetMinutes":n}.
type DateTimeOffset struct {
	Time time.Time
}

// TimeSpan is a .NET System.TimeSpan in ticks of 100 ns, written as an ISO-8601
// duration ("PT1H2M3S") — not a number, unlike time.Duration in encoding/json.
type TimeSpan int64

// Tick arithmetic of .NET.
const (
	TicksPerMillisecond TimeSpan = 10_000
	TicksPerSecond               = 1000 * TicksPerMillisecond
	TicksPerMinute               = 60 * TicksPerSecond
	TicksPerHour                 = 60 * TicksPerMinute
	TicksPerDay                  = 24 * TicksPerHour
)

// Range of DateTime in Unix milliseconds (0001-01-01 … 9999-12-31T23:59:59.999).
const (
	minDateMillis = -62135596800000
	maxDateMillis = 253402300799999
)

// unixMillis is the value DCJS writes for d, and the offset suffix it needs.
// Local and Unspecified go through the wall clock in the server zone, with the
// zone offset floored to whole minutes as Mono's TimeZoneInfo does (this only
// matters for pre-1900 local mean time such as New York's -4:56:02).
func (d DateTime) unixMillis(loc *time.Location) (ms int64, offset int, suffix bool) {
	t := d.Time
	switch d.Kind {
	case Utc:
		return floorMillis(t), 0, false
	case Local:
		t = t.In(loc)
	}
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	_, off := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc).Zone()
	off = floorDiv(off, 60) * 60
	return floorMillis(wall) - int64(off)*1000, off, true
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// floorMillis truncates toward the past, as .NET's tick arithmetic does.
func floorMillis(t time.Time) int64 {
	s := t.Unix()
	return s*1000 + int64(t.Nanosecond()/1e6)
}

func appendDateTime(b []byte, d DateTime, loc *time.Location) ([]byte, bool) {
	ms, off, suffix := d.unixMillis(loc)
	if ms < minDateMillis || ms > maxDateMillis {
		return b, false
	}
	if suffix {
		// .NET checks the local wall clock stays in range too (JsonDateTimeOutOfRange).
		if w := ms + int64(off)*1000; w < minDateMillis || w > maxDateMillis {
			return b, false
		}
	}
	b = append(b, `"\/Date(`...)
	b = strconv.AppendInt(b, ms, 10)
	if suffix {
		b = appendOffset(b, off)
	}
	return append(b, `)\/"`...), true
}

func appendOffset(b []byte, off int) []byte {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	h, m := off/3600, off%3600/60
	return append(b, sign, byte('0'+h/10), byte('0'+h%10), byte('0'+m/10), byte('0'+m%10))
}

// parseDateTime reads DCJS date text: "/Date(" ms [±anything] ")/", where only the
// presence of an offset matters (it marks Local). Anything else — ISO text
// included — is refused, as DCJS refuses it.
func parseDateTime(s string, loc *time.Location) (DateTime, bool, bool) {
	if !strings.HasPrefix(s, "/Date(") || !strings.HasSuffix(s, ")/") {
		return DateTime{}, false, false
	}
	body := s[len("/Date(") : len(s)-len(")/")]
	cut := len(body)
	for i := 1; i < len(body); i++ {
		if body[i] == '+' || body[i] == '-' {
			cut = i
			break
		}
	}
	ms, err := strconv.ParseInt(body[:cut], 10, 64)
	if err != nil || !validIntText(body[:cut]) {
		return DateTime{}, false, false
	}
	if ms < minDateMillis || ms > maxDateMillis {
		return DateTime{}, true, false
	}
	t := time.UnixMilli(ms)
	if cut == len(body) {
		return DateTime{Time: t.UTC(), Kind: Utc}, true, true
	}
	return DateTime{Time: localFromUTC(t, loc), Kind: Local}, true, true
}

// localFromUTC converts an instant to the server zone, keeping the wall clock
// Mono computes when the zone offset has seconds (pre-1900 local mean time).
func localFromUTC(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	_, off := t.Zone()
	if off%60 == 0 {
		return t
	}
	w := t.Add(time.Duration(floorDiv(off, 60)*60-off) * time.Second)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
}

// String renders the value in ISO form for logs; the wire form needs a zone, see Marshal.
func (d DateTime) String() string {
	k := [...]string{"Unspecified", "Utc", "Local"}[d.Kind%3]
	return d.Time.Format(time.RFC3339Nano) + " (" + k + ")"
}

// appendTimeSpan writes XmlConvert.ToString(TimeSpan): [-]P[nD][T[nH][nM][n[.f]S]], PT0S for zero.
func appendTimeSpan(b []byte, ts TimeSpan) []byte {
	u := uint64(ts)
	if ts < 0 {
		b = append(b, '-')
		u = uint64(-ts) // MinValue wraps to its magnitude as uint64
	}
	b = append(b, 'P')
	days := u / uint64(TicksPerDay)
	u %= uint64(TicksPerDay)
	h, m := u/uint64(TicksPerHour), u%uint64(TicksPerHour)/uint64(TicksPerMinute)
	sec, frac := u%uint64(TicksPerMinute)/uint64(TicksPerSecond), u%uint64(TicksPerSecond)
	if days != 0 {
		b = strconv.AppendUint(b, days, 10)
		b = append(b, 'D')
	}
	if h == 0 && m == 0 && sec == 0 && frac == 0 {
		if days == 0 {
			b = append(b, "T0S"...)
		}
		return b
	}
	b = append(b, 'T')
	if h != 0 {
		b = append(strconv.AppendUint(b, h, 10), 'H')
	}
	if m != 0 {
		b = append(strconv.AppendUint(b, m, 10), 'M')
	}
	if sec != 0 || frac != 0 {
		b = strconv.AppendUint(b, sec, 10)
		if frac != 0 {
			f := []byte(strconv.FormatUint(frac+10_000_000, 10)[1:])
			for f[len(f)-1] == '0' {
				f = f[:len(f)-1]
			}
			b = append(append(b, '.'), f...)
		}
		b = append(b, 'S')
	}
	return b
}

// parseTimeSpan reads an xsd:duration as XmlConvert.ToTimeSpan does (Y = 365 days,
// M = 30 days, at most 7 fraction digits kept).
func parseTimeSpan(s string) (TimeSpan, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if !strings.HasPrefix(s, "P") || len(s) < 2 {
		return 0, false
	}
	s = s[1:]
	var total uint64
	inTime, any := false, false
	units := "YMD"
	for len(s) > 0 {
		if s[0] == 'T' {
			if inTime || len(s) == 1 {
				return 0, false
			}
			inTime, units = true, "HMS"
			s = s[1:]
			continue
		}
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == 0 || i == len(s) {
			return 0, false
		}
		n, err := strconv.ParseUint(s[:i], 10, 32)
		if err != nil {
			return 0, false
		}
		var frac uint64
		if s[i] == '.' && inTime {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			fs := s[i+1 : j]
			if fs == "" || j == len(s) || s[j] != 'S' {
				return 0, false
			}
			fs = (fs + "0000000")[:7]
			frac, _ = strconv.ParseUint(fs, 10, 64)
			i = j
		}
		u := strings.IndexByte(units, s[i])
		if u < 0 {
			return 0, false
		}
		units = units[u+1:]
		hi, lo := bits.Mul64(n, unitTicks(inTime, s[i]))
		var c1, c2 uint64
		total, c1 = bits.Add64(total, lo, 0)
		total, c2 = bits.Add64(total, frac, 0)
		if hi != 0 || c1 != 0 || c2 != 0 {
			return 0, false
		}
		any = true
		s = s[i+1:]
	}
	if !any || total > uint64(1<<63) || (!neg && total == uint64(1<<63)) {
		return 0, false
	}
	if neg {
		return TimeSpan(-int64(total)), true
	}
	return TimeSpan(total), true
}

func unitTicks(inTime bool, c byte) uint64 {
	if inTime {
		return uint64(map[byte]TimeSpan{'H': TicksPerHour, 'M': TicksPerMinute, 'S': TicksPerSecond}[c])
	}
	return uint64(map[byte]TimeSpan{'Y': 365 * TicksPerDay, 'M': 30 * TicksPerDay, 'D': TicksPerDay}[c])
}

// Duration converts to Go, dropping nothing: a tick is 100 ns.
func (ts TimeSpan) Duration() time.Duration { return time.Duration(ts) * 100 }

// TimeSpanOf converts a Go duration, truncating below 100 ns as .NET cannot hold it.
func TimeSpanOf(d time.Duration) TimeSpan { return TimeSpan(d / 100) }
