package wire

import (
	"errors"
	"net"
	"syscall"
)

// isDial recognises connection-level failures: refused, no route, unknown host.
func isDial(err error) bool {
	var op *net.OpError
	var dns *net.DNSError
	return errors.As(err, &op) || errors.As(err, &dns) || errors.Is(err, syscall.ECONNREFUSED)
}
