package host

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"github.com/svccheck/svccheck/reference/faults"
)

// faultWriter holds a service reply back so seeded reply faults can rewrite it the way a non-WCF
// re-host would have written it (status, Content-Type, JSON shape). With no reply fault it passes
// everything through untouched.
type faultWriter struct {
	http.ResponseWriter
	faults faults.Set
	hold   bool
	status int
	buf    bytes.Buffer
}

func newFaultWriter(w http.ResponseWriter, f faults.Set) *faultWriter {
	hold := f.Has(faults.SPAFallback) || f.Has(faults.JSONAsText) || f.RewritesReplies() || holdsForCharset(f)
	return &faultWriter{ResponseWriter: w, faults: f, hold: hold, status: http.StatusOK}
}

func (f *faultWriter) WriteHeader(status int) {
	if !f.hold {
		f.ResponseWriter.WriteHeader(status)
		return
	}
	f.status = status
}

func (f *faultWriter) Write(b []byte) (int, error) {
	if !f.hold {
		return f.ResponseWriter.Write(b)
	}
	return f.buf.Write(b)
}

// flush applies the reply faults and sends what was held.
func (f *faultWriter) flush() {
	if !f.hold {
		return
	}
	h, body, status := f.Header(), f.buf.Bytes(), f.status
	mt, params, _ := mime.ParseMediaType(h.Get("Content-Type"))
	switch {
	case status == http.StatusNotFound && f.faults.Has(faults.SPAFallback):
		status, body = http.StatusOK, []byte("<!DOCTYPE html>\n<html><head><title>Creatio</title></head><body><div id=\"root\"></div></body></html>\n")
		h.Set("Content-Type", "text/html; charset=utf-8")
	case mt == "application/json":
		if f.faults.RewritesReplies() {
			body = f.faults.RewriteJSON(body)
		}
		body = rewriteCharset(f.faults, h, params["charset"], body)
		if f.faults.Has(faults.JSONAsText) {
			h.Set("Content-Type", "text/plain; charset=utf-8")
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	f.ResponseWriter.WriteHeader(status)
	f.ResponseWriter.Write(body)
}
