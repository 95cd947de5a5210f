package datacontract

import (
	"strconv"
	"unicode/utf8"
)

// xmlWriter imitates the XmlDictionaryWriter that DataContractSerializer.WriteObject(Stream)
// and WCF's text encoder write through (XmlBaseWriter): namespace declarations come after an
// element's attributes, in the order they were added; an element in a namespace without a
// prefix in scope redeclares the default namespace; a namespace declared "without prefix"
// (WriteXmlnsAttribute(null, ns)) takes the first of a…z not bound in scope, then d<depth>p<n>.
// An element with no content is closed as <x/>; an empty text does not open it.
type xmlWriter struct {
	buf   []byte
	decls []xmlDecl
	open  []xmlElem
}

type xmlDecl struct {
	depth       int
	prefix, uri string
}

type xmlElem struct {
	qname    string
	attrs    []byte
	firstNew int  // index in decls of this element's first declaration
	started  bool // start tag written (content or child followed)
	prefixID int
}

func (w *xmlWriter) depth() int { return len(w.open) }

// lookupPrefix is NamespaceManager.LookupPrefix: the innermost binding of uri whose prefix is
// not rebound later; "" for the empty namespace while no default is declared.
func (w *xmlWriter) lookupPrefix(uri string) (string, bool) {
	for i := len(w.decls) - 1; i >= 0; i-- {
		d := w.decls[i]
		if d.uri != uri {
			continue
		}
		rebound := false
		for _, later := range w.decls[i+1:] {
			rebound = rebound || later.prefix == d.prefix
		}
		if !rebound {
			return d.prefix, true
		}
	}
	if uri == "" && w.lookupNamespace("") == "" {
		return "", true
	}
	return "", false
}

func (w *xmlWriter) lookupNamespace(prefix string) string {
	for i := len(w.decls) - 1; i >= 0; i-- {
		if w.decls[i].prefix == prefix {
			return w.decls[i].uri
		}
	}
	return ""
}

func (w *xmlWriter) bound(prefix string) bool {
	for _, d := range w.decls {
		if d.prefix == prefix {
			return true
		}
	}
	return false
}

func (w *xmlWriter) flushStart() {
	if n := len(w.open); n > 0 && !w.open[n-1].started {
		w.writeStartTag(&w.open[n-1])
		w.buf = append(w.buf, '>')
	}
}

func (w *xmlWriter) writeStartTag(e *xmlElem) {
	e.started = true
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, e.qname...)
	w.buf = append(w.buf, e.attrs...)
	for _, d := range w.decls[e.firstNew:] {
		w.buf = append(w.buf, " xmlns"...)
		if d.prefix != "" {
			w.buf = append(append(w.buf, ':'), d.prefix...)
		}
		w.buf = append(w.buf, `="`...)
		w.buf = appendXMLText(w.buf, d.uri, true)
		w.buf = append(w.buf, '"')
	}
}

// start opens local in namespace uri, with the prefix in scope or a new default namespace.
func (w *xmlWriter) start(local, uri string) {
	w.flushStart()
	w.open = append(w.open, xmlElem{firstNew: len(w.decls)})
	prefix, ok := w.lookupPrefix(uri)
	if !ok {
		w.decls = append(w.decls, xmlDecl{w.depth(), "", uri})
	}
	e := &w.open[len(w.open)-1]
	e.qname = local
	if prefix != "" {
		e.qname = prefix + ":" + local
	}
}

// declare is WriteXmlnsAttribute(null, uri): nothing when uri already has a prefix in scope.
func (w *xmlWriter) declare(uri string) {
	if _, ok := w.lookupPrefix(uri); ok {
		return
	}
	for c := 'a'; c <= 'z'; c++ {
		if p := string(c); !w.bound(p) {
			w.decls = append(w.decls, xmlDecl{w.depth(), p, uri})
			return
		}
	}
	e := &w.open[len(w.open)-1]
	for {
		p := "d" + strconv.Itoa(w.depth()) + "p" + strconv.Itoa(e.prefixID)
		e.prefixID++
		if !w.bound(p) {
			w.decls = append(w.decls, xmlDecl{w.depth(), p, uri})
			return
		}
	}
}

// declarePrefix is AddNamespaceIfNotDeclared(prefix, uri), as for xmlns:i.
func (w *xmlWriter) declarePrefix(prefix, uri string) {
	if w.lookupNamespace(prefix) != uri {
		w.decls = append(w.decls, xmlDecl{w.depth(), prefix, uri})
	}
}

// nilAttr writes i:nil="true", declaring xmlns:i if it is not in scope.
func (w *xmlWriter) nilAttr() {
	e := &w.open[len(w.open)-1]
	e.attrs = append(e.attrs, ` i:nil="true"`...)
	w.declarePrefix("i", NamespaceXSI)
}

func (w *xmlWriter) text(s string) {
	if s == "" {
		return
	}
	w.flushStart()
	w.buf = appendXMLText(w.buf, s, false)
}

func (w *xmlWriter) end() {
	e := &w.open[len(w.open)-1]
	if !e.started {
		w.writeStartTag(e)
		w.buf = append(w.buf, "/>"...)
	} else {
		w.buf = append(append(append(w.buf, "</"...), e.qname...), '>')
	}
	w.decls = w.decls[:e.firstNew]
	w.open = w.open[:len(w.open)-1]
}

// appendXMLText escapes as XmlUTF8NodeWriter does: &lt; &gt; &amp; (and &quot; in attributes),
// other characters below U+0020 but tab and newline as &#xH;, carriage return as &#xD;, U+FFFE
// and U+FFFF as character references. A lone surrogate (WTF-8, as Unmarshal keeps it) becomes
// U+FFFD as Mono's UTF-8 encoder writes it; so does any other invalid byte.
func appendXMLText(b []byte, s string, attr bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '"' && attr:
				b = append(b, "&quot;"...)
			case c < 0x20 && (c != '\t' && c != '\n' || attr):
				b = appendCharRef(b, rune(c))
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if c == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2] >= 0x80 && s[i+2] <= 0xBF {
				n = 3 // one WTF-8 surrogate unit
			}
			b = append(b, "\uFFFD"...)
		case r == 0xFFFE || r == 0xFFFF:
			b = appendCharRef(b, r)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

func appendCharRef(b []byte, r rune) []byte {
	b = append(b, "&#x"...)
	b = append(b, []byte(strconv.FormatInt(int64(r), 16))...)
	for i := len(b) - 1; b[i] != 'x'; i-- {
		if b[i] >= 'a' && b[i] <= 'f' {
			b[i] -= 'a' - 'A'
		}
	}
	return append(b, ';')
}
