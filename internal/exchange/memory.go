package exchange

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
)

// MemoryDialer connects to an http.Server without a network: every Dial
// makes an in-memory pipe and has Server serve its other end. Whatever URL
// it is given, it only ever reaches that server, which is how the
// tester's inspector is kept from becoming a proxy to other hosts.
type MemoryDialer struct {
	Server *http.Server
	// Local and Remote are the addresses the server's end reports (to
	// handlers, through http.LocalAddrContextKey and RemoteAddr).
	Local, Remote net.Addr
	// Listener, when set, wraps the one-connection listener the server
	// serves, as the real listener is wrapped (the server's wire layer).
	Listener func(net.Listener) net.Listener
}

// Dial serves a new in-memory connection with d.Server and returns the
// client's end.
func (d *MemoryDialer) Dial(ctx context.Context, u *url.URL) (net.Conn, ConnInfo, error) {
	client, server := newMemPipe(d.Local, d.Remote)
	var ln net.Listener = &oneConnListener{conn: server}
	if d.Listener != nil {
		ln = d.Listener(ln)
	}
	go d.Server.Serve(ln)
	return client, ConnInfo{Remote: "memory"}, nil
}

// MemAddr is an address of an in-memory connection.
type MemAddr string

func (a MemAddr) Network() string { return "memory" }
func (a MemAddr) String() string  { return string(a) }

// memConn is one end of an in-memory connection. SetLinger(0) on the
// server's end marks a reset (the test service's fault=reset), which the
// client's end then reads as errPeerReset.
type memConn struct {
	net.Conn
	local, remote net.Addr
	reset         *atomic.Bool
	closeOnce     sync.Once
	closed        chan struct{}
}

func newMemPipe(local, remote net.Addr) (client, server *memConn) {
	c, s := net.Pipe()
	reset := new(atomic.Bool)
	client = &memConn{Conn: c, local: remote, remote: local, reset: reset, closed: make(chan struct{})}
	server = &memConn{Conn: s, local: local, remote: remote, reset: reset, closed: make(chan struct{})}
	return client, server
}

func (c *memConn) LocalAddr() net.Addr  { return c.local }
func (c *memConn) RemoteAddr() net.Addr { return c.remote }

func (c *memConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil && c.reset.Load() {
		err = errPeerReset
	}
	return n, err
}

// SetLinger(0) is how the service resets a connection.
func (c *memConn) SetLinger(sec int) error {
	if sec == 0 {
		c.reset.Store(true)
	}
	return nil
}

func (c *memConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// oneConnListener hands one connection to http.Server.Serve, then blocks
// until that connection closes, so that Serve returns once it is done.
type oneConnListener struct {
	conn *memConn
	once sync.Once
}

func (l *oneConnListener) Accept() (net.Conn, error) {
	var c net.Conn
	l.once.Do(func() { c = l.conn })
	if c != nil {
		return c, nil
	}
	<-l.conn.closed
	return nil, net.ErrClosed
}

func (l *oneConnListener) Close() error   { return nil }
func (l *oneConnListener) Addr() net.Addr { return l.conn.local }
