package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// ConnLimiter bounds the connections the service holds, in all and per
// client address, so that a client hoarding connections (idle ones, half
// sent requests, WebSockets) can neither exhaust the process's open files
// nor keep /healthz and everyone else out.
//
// At a limit it first makes room: it closes the connections that are
// doing nothing, idle keep-alive connections and connections that have not
// finished sending a request after a grace period, oldest first, the
// client's own first when the per-client limit is the one reached. Only
// when every held connection is busy is the new one refused, with a 503 in
// the service's error shape, written before any request is read.
//
// Use it as the http.Server's listener wrapper and ConnState hook:
//
//	lim := server.NewConnLimiter(server.ConnLimits{Max: 10000, PerClient: 1000})
//	srv.ConnState = lim.ConnState
//	srv.Serve(lim.Listener(ln))
type ConnLimiter struct {
	limits  ConnLimits
	mu      sync.Mutex
	conns   map[*limitedConn]struct{}
	byIP    map[string]int
	refused atomic.Int64
	// refusing bounds the goroutines that linger to deliver a refusal.
	refusing chan struct{}
}

// ConnLimits configures a ConnLimiter.
type ConnLimits struct {
	// Max is the most connections held at once (required, > 0).
	Max int
	// PerClient is the most held for one client IP; 0: no such limit
	// (behind a proxy every connection comes from the proxy).
	PerClient int
	// Grace is how long a new connection may take to send its first
	// request before it counts as doing nothing (default 1s).
	Grace time.Duration
	// RetryAfter is the Retry-After of a refusal: by then every request in
	// flight has ended and its connection can be reclaimed (the server's
	// write timeout; default 40s).
	RetryAfter time.Duration
}

// NewConnLimiter returns a limiter with the given limits.
func NewConnLimiter(l ConnLimits) *ConnLimiter {
	if l.Grace <= 0 {
		l.Grace = time.Second
	}
	if l.RetryAfter <= 0 {
		l.RetryAfter = 40 * time.Second
	}
	return &ConnLimiter{limits: l, conns: make(map[*limitedConn]struct{}), byIP: make(map[string]int), refusing: make(chan struct{}, 64)}
}

// Listener wraps ln so that every connection it accepts is counted, and
// connections over the limits are refused.
func (l *ConnLimiter) Listener(ln net.Listener) net.Listener { return &limitedListener{ln, l} }

// Held is the number of connections held now.
func (l *ConnLimiter) Held() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}

// Refused is the number of connections refused so far.
func (l *ConnLimiter) Refused() int64 { return l.refused.Load() }

// ConnState is the http.Server hook that tells the limiter which
// connections are doing nothing.
func (l *ConnLimiter) ConnState(c net.Conn, state http.ConnState) {
	for c != nil {
		if lc, ok := c.(*limitedConn); ok {
			lc.state.Store(int32(state))
			lc.since.Store(time.Now().UnixNano())
			return
		}
		// Through wrappers outside the limiter's (the wire layer's).
		u, ok := c.(interface{ NetConn() net.Conn })
		if !ok {
			return
		}
		c = u.NetConn()
	}
}

type limitedListener struct {
	net.Listener
	lim *ConnLimiter
}

func (ll *limitedListener) Accept() (net.Conn, error) {
	for {
		c, err := ll.Listener.Accept()
		if err != nil {
			return nil, err
		}
		lc, why := ll.lim.admit(c, time.Now())
		if lc != nil {
			return lc, nil
		}
		ll.lim.refuse(c, why)
	}
}

// limitedConn is a held connection. Its Close gives the place back, also
// after a Hijack (a WebSocket keeps its place until it really closes).
type limitedConn struct {
	net.Conn
	lim   *ConnLimiter
	ip    string
	state atomic.Int32 // an http.ConnState
	since atomic.Int64 // when it entered the state, in Unix nanoseconds
	once  sync.Once
}

func (c *limitedConn) Close() error {
	c.once.Do(func() { c.lim.release(c) })
	return c.Conn.Close()
}

// SetLinger lets fault=reset reset the connection through the wrapper.
func (c *limitedConn) SetLinger(sec int) error {
	if l, ok := c.Conn.(interface{ SetLinger(int) error }); ok {
		return l.SetLinger(sec)
	}
	return nil
}

// CloseWrite lets net/http half-close the connection as it does on a
// plain TCP connection.
func (c *limitedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

func (l *ConnLimiter) release(c *limitedConn) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.conns[c]; !ok {
		return
	}
	delete(l.conns, c)
	if l.byIP[c.ip]--; l.byIP[c.ip] <= 0 {
		delete(l.byIP, c.ip)
	}
}

// admit holds c, making room first when a limit is reached; it returns
// nil and the reason when there is no room.
func (l *ConnLimiter) admit(c net.Conn, now time.Time) (*limitedConn, string) {
	ip := remoteIP(c.RemoteAddr())
	for attempt := 0; ; attempt++ {
		l.mu.Lock()
		perClientFull := l.limits.PerClient > 0 && l.byIP[ip] >= l.limits.PerClient
		totalFull := len(l.conns) >= l.limits.Max
		if !perClientFull && !totalFull {
			lc := &limitedConn{Conn: c, lim: l, ip: ip}
			lc.state.Store(int32(http.StateNew))
			lc.since.Store(now.UnixNano())
			l.conns[lc] = struct{}{}
			l.byIP[ip]++
			l.mu.Unlock()
			return lc, ""
		}
		var victims []*limitedConn
		if attempt == 0 {
			only := ""
			if perClientFull {
				only = ip
			}
			victims = l.idleLocked(only, now)
		}
		l.mu.Unlock()
		if len(victims) == 0 {
			if perClientFull {
				return nil, fmt.Sprintf("%s already holds %d connections, the --max-conns-per-ip limit, and none of them is idle; close some, or retry after the time in Retry-After", ip, l.limits.PerClient)
			}
			return nil, fmt.Sprintf("the server holds %d connections, its --max-connections limit, and none of them is idle; retry after the time in Retry-After", l.limits.Max)
		}
		for _, v := range victims {
			v.Close() // net/http's read on it fails and its goroutine ends
		}
	}
}

// idleLocked picks the connections to close to make room: idle ones and
// ones still silent after the grace period, of client ip ("" for any),
// oldest first; a batch at once (1/64 of the limit) so that the scan is
// paid once per many accepts under a flood.
func (l *ConnLimiter) idleLocked(ip string, now time.Time) []*limitedConn {
	var idle []*limitedConn
	graceEnd := now.Add(-l.limits.Grace).UnixNano()
	for c := range l.conns {
		if ip != "" && c.ip != ip {
			continue
		}
		switch http.ConnState(c.state.Load()) {
		case http.StateIdle:
			idle = append(idle, c)
		case http.StateNew:
			if c.since.Load() <= graceEnd {
				idle = append(idle, c)
			}
		}
	}
	slices.SortFunc(idle, func(a, b *limitedConn) int { return int(a.since.Load() - b.since.Load()) })
	return idle[:min(len(idle), max(1, l.limits.Max/64))]
}

// refuse answers a connection there is no room for: a 503 in the error
// shape, then a close. It lingers briefly, reading what the client sends,
// so that the answer is not lost to a reset; at most 64 linger at once,
// the rest are closed at once.
func (l *ConnLimiter) refuse(c net.Conn, why string) {
	l.refused.Add(1)
	select {
	case l.refusing <- struct{}{}:
	default:
		c.Close()
		return
	}
	go func() {
		defer func() { <-l.refusing }()
		defer c.Close()
		c.SetDeadline(time.Now().Add(time.Second))
		c.Write(refusal(why, l.limits.RetryAfter))
		if cw, ok := c.(interface{ CloseWrite() error }); ok {
			cw.CloseWrite()
		}
		io.Copy(io.Discard, io.LimitReader(c, 64<<10))
	}()
}

// refusal is the whole HTTP/1.1 response to a refused connection.
func refusal(why string, retryAfter time.Duration) []byte {
	body, _ := json.Marshal(errorBody{Status: http.StatusServiceUnavailable, Error: "Service Unavailable", Detail: why})
	body = append(body, '\n')
	head := "HTTP/1.1 503 Service Unavailable\r\n" +
		"Content-Type: application/json\r\n" +
		"Content-Length: " + strconv.Itoa(len(body)) + "\r\n" +
		"Retry-After: " + strconv.Itoa(max(1, int(retryAfter.Seconds()))) + "\r\n" +
		"Cache-Control: no-store\r\n" +
		"X-Content-Type-Options: nosniff\r\n" +
		"Access-Control-Allow-Origin: *\r\n" +
		"Connection: close\r\n\r\n"
	return append([]byte(head), body...)
}

// remoteIP is the IP of a connection's peer.
func remoteIP(a net.Addr) string {
	if a == nil {
		return ""
	}
	if host, _, err := net.SplitHostPort(a.String()); err == nil {
		return host
	}
	return a.String()
}
