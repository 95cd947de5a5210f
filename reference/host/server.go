package host

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Server is a running host on a real socket, with the timeouts and header cap a public server needs.
type Server struct {
	// URL is the base URL clients use, e.g. http://127.0.0.1:8080.
	URL  string
	srv  *http.Server
	done chan struct{} // closed when the serve loop has returned
	err  error         // why it returned; read only after done
}

// Start listens on addr (":0"-style ports pick a free one) and serves h until Close.
func Start(addr string, h http.Handler) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String(), done: make(chan struct{}), srv: &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}}
	go func() { s.err = s.srv.Serve(ln); close(s.done) }()
	return s, nil
}

// Close stops accepting, lets in-flight requests finish within ctx, then drops whatever is left
// (a client's connection that never sent a request counts as busy for 5 s) and waits for the loop.
func (s *Server) Close(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	if err != nil {
		s.srv.Close()
	}
	<-s.done
	if err == nil && !errors.Is(s.err, http.ErrServerClosed) {
		err = s.err
	}
	return err
}

// Wait blocks until the server stops on its own (a listener error) and returns why.
func (s *Server) Wait() error {
	<-s.done
	return s.err
}
