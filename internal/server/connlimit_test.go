package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// startLimited serves the service on loopback behind a ConnLimiter, the
// way 'httpstatus serve' does.
func startLimited(t *testing.T, opts Options, limits ConnLimits) (string, *ConnLimiter) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lim := NewConnLimiter(limits)
	srv := &http.Server{Handler: NewServer(opts), ConnState: lim.ConnState, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(lim.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String(), lim
}

// dialFrom opens a TCP connection to addr from the loopback address src
// (127.0.0.2 is another client as far as the server can tell).
func dialFrom(t *testing.T, src, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial from %s: %v", src, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// roundTrip sends one request on c and reads the response head and body.
func roundTrip(t *testing.T, c net.Conn, request string) (*http.Response, string) {
	t.Helper()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, request); err != nil {
		t.Fatalf("write: %v", err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(b)
}

// readRefusal reads what the server wrote to a connection it refused.
func readRefusal(t *testing.T, c net.Conn) (*http.Response, errorBody) {
	t.Helper()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no refusal to read: %v", err)
	}
	var e errorBody
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		t.Fatalf("refusal body: %v", err)
	}
	return resp, e
}

const healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"

// TestHoardedIdleConnectionsAreReclaimed: a client opening ten times the
// limit of connections and sending nothing cannot keep /healthz out, and
// the server never holds more than the limit.
func TestHoardedIdleConnectionsAreReclaimed(t *testing.T) {
	addr, lim := startLimited(t, Options{}, ConnLimits{Max: 20, Grace: time.Nanosecond})
	for i := 0; i < 200; i++ {
		dialFrom(t, "127.0.0.2", addr)
	}
	resp, body := roundTrip(t, dialFrom(t, "127.0.0.1", addr), healthz)
	if resp.StatusCode != 200 || body != "ok\n" {
		t.Fatalf("/healthz while connections are hoarded: %d %q", resp.StatusCode, body)
	}
	if held := lim.Held(); held > 20 {
		t.Fatalf("%d connections held; the limit is 20", held)
	}
	// Idle keep-alive connections are reclaimed the same way.
	for i := 0; i < 40; i++ {
		c := dialFrom(t, "127.0.0.2", addr)
		if resp, _ := roundTrip(t, c, "GET /status/204 HTTP/1.1\r\nHost: x\r\n\r\n"); resp.StatusCode != 204 {
			t.Fatalf("keep-alive request %d: %d", i, resp.StatusCode)
		}
	}
	if resp, _ := roundTrip(t, dialFrom(t, "127.0.0.1", addr), healthz); resp.StatusCode != 200 {
		t.Fatalf("/healthz after idle keep-alive hoarding: %d", resp.StatusCode)
	}
}

// TestOneClientCannotTakeEveryConnection: one address holding busy
// connections up to --max-conns-per-ip gets 503 for the next one, in the
// error shape with Retry-After, and everyone else is still served.
func TestOneClientCannotTakeEveryConnection(t *testing.T) {
	addr, lim := startLimited(t, Options{}, ConnLimits{Max: 40, PerClient: 10, Grace: time.Minute, RetryAfter: 40 * time.Second})
	var hoard []net.Conn
	for i := 0; i < 10; i++ {
		c := dialFrom(t, "127.0.0.2", addr)
		io.WriteString(c, "GET /status/200?sleep=3s HTTP/1.1\r\nHost: x\r\n\r\n")
		hoard = append(hoard, c)
	}
	for i := 0; i < 5; i++ {
		resp, e := readRefusal(t, dialFrom(t, "127.0.0.2", addr))
		if resp.StatusCode != 503 || resp.Header.Get("Retry-After") != "40" || e.Status != 503 || !strings.Contains(e.Detail, "--max-conns-per-ip") {
			t.Fatalf("connection over the per-client limit: %d Retry-After %q %+v", resp.StatusCode, resp.Header.Get("Retry-After"), e)
		}
	}
	if resp, _ := roundTrip(t, dialFrom(t, "127.0.0.1", addr), healthz); resp.StatusCode != 200 {
		t.Fatalf("/healthz from another client: %d", resp.StatusCode)
	}
	if lim.Refused() != 5 {
		t.Errorf("%d refused, want 5", lim.Refused())
	}
	for _, c := range hoard {
		c.Close()
	}
}

// TestNoIdleConnectionMeans503: when every held connection is busy or
// new, a further one is refused at once rather than left waiting, and a
// place given back is taken again.
func TestNoIdleConnectionMeans503(t *testing.T) {
	addr, lim := startLimited(t, Options{}, ConnLimits{Max: 16, Grace: time.Minute})
	var held []net.Conn
	for i := 0; i < 16; i++ {
		held = append(held, dialFrom(t, "127.0.0.1", addr))
	}
	resp, e := readRefusal(t, dialFrom(t, "127.0.0.1", addr))
	if resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" || !strings.Contains(e.Detail, "--max-connections") {
		t.Fatalf("over the limit: %d %+v", resp.StatusCode, e)
	}
	held[0].Close()
	for deadline := time.Now().Add(5 * time.Second); lim.Held() >= 16; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("a closed connection kept its place")
		}
	}
	if resp, _ := roundTrip(t, dialFrom(t, "127.0.0.1", addr), healthz); resp.StatusCode != 200 {
		t.Fatalf("after a place was given back: %d", resp.StatusCode)
	}
}

// TestConnLimiterAdmit checks the admission rules without the network:
// a new connection is not reclaimed within its grace period, and the
// per-client limit reclaims that client's own idle connections first.
func TestConnLimiterAdmit(t *testing.T) {
	lim := NewConnLimiter(ConnLimits{Max: 3, PerClient: 2, Grace: time.Second})
	now := time.Now()
	conn := func(ip string) net.Conn {
		a, b := net.Pipe()
		t.Cleanup(func() { a.Close(); b.Close() })
		return addrConn{a, &net.TCPAddr{IP: net.ParseIP(ip), Port: 1}}
	}
	a1, _ := lim.admit(conn("10.0.0.1"), now)
	a2, _ := lim.admit(conn("10.0.0.1"), now)
	if a1 == nil || a2 == nil {
		t.Fatal("the first two were refused")
	}
	if c, why := lim.admit(conn("10.0.0.1"), now.Add(500*time.Millisecond)); c != nil || !strings.Contains(why, "--max-conns-per-ip") {
		t.Fatalf("third from one client within the grace period: %v %q", c, why)
	}
	b1, _ := lim.admit(conn("10.0.0.2"), now)
	if b1 == nil {
		t.Fatal("another client was refused")
	}
	lim.ConnState(b1, http.StateActive)
	if c, why := lim.admit(conn("10.0.0.3"), now.Add(500*time.Millisecond)); c != nil || !strings.Contains(why, "--max-connections") {
		t.Fatalf("over the total within the grace period: %v %q", c, why)
	}
	lim.ConnState(a1, http.StateIdle)
	c, _ := lim.admit(conn("10.0.0.1"), now.Add(600*time.Millisecond))
	if c == nil || lim.Held() != 3 {
		t.Fatalf("an idle connection of the same client was not reclaimed: %v, %d held", c, lim.Held())
	}
	if _, still := lim.conns[a1]; still {
		t.Error("the idle connection is still held")
	}
	if _, still := lim.conns[b1]; !still {
		t.Error("a busy connection was reclaimed")
	}
}

type addrConn struct {
	net.Conn
	remote net.Addr
}

func (c addrConn) RemoteAddr() net.Addr { return c.remote }

// TestMaxWebSockets: sessions beyond --max-websockets get 503 with a
// Retry-After saying when the oldest must end; /healthz is unaffected, and
// a session that ends gives its place back.
func TestMaxWebSockets(t *testing.T) {
	ts, s := newTestServer(t, Options{MaxWebSockets: 2})
	wsURL := "ws" + strings.TrimPrefix(ts.URL, "http") + "/status/101"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var open []*websocket.Conn
	for i := 0; i < 2; i++ {
		c, _, err := websocket.Dial(ctx, wsURL, nil)
		if err != nil {
			t.Fatalf("session %d: %v", i+1, err)
		}
		defer c.CloseNow()
		open = append(open, c)
	}
	_, resp, err := websocket.Dial(ctx, wsURL, nil)
	if err == nil || resp == nil || resp.StatusCode != 503 {
		t.Fatalf("a third session: %v %v", resp, err)
	}
	ra, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	if ra < int(wsLifetime.Seconds())-10 || ra > int(wsLifetime.Seconds()) {
		t.Errorf("Retry-After %q; the oldest session ends in about %v", resp.Header.Get("Retry-After"), wsLifetime)
	}
	var e errorBody
	if json.NewDecoder(resp.Body).Decode(&e) != nil || e.Status != 503 || !strings.Contains(e.Detail, "--max-websockets") {
		t.Errorf("refusal not in the error shape: %+v", e)
	}
	if r, _ := get(t, ts.URL+"/healthz"); r.StatusCode != 200 {
		t.Errorf("/healthz: %d", r.StatusCode)
	}
	open[0].Close(websocket.StatusNormalClosure, "")
	for deadline := time.Now().Add(5 * time.Second); s.websockets.open() > 1; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("a closed session kept its place")
		}
	}
	c, _, err := websocket.Dial(ctx, wsURL, nil)
	if err != nil {
		t.Fatalf("after a session ended: %v", err)
	}
	c.CloseNow()
}

// TestWebSocketHandshakeErrors: a bad handshake is refused in the error
// shape, with what RFC 6455 asks for (426 and the version we speak).
func TestWebSocketHandshakeErrors(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	const key = "dGhlIHNhbXBsZSBub25jZQ=="
	for _, c := range []struct {
		name, proto, headers string
		status               int
		detail               string
	}{
		{"HTTP/1.0", "HTTP/1.0", "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key, 426, "needs HTTP/1.1"},
		{"version 8", "HTTP/1.1", "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: " + key, 426, "Sec-WebSocket-Version"},
		{"no version", "HTTP/1.1", "Sec-WebSocket-Key: " + key, 426, "Sec-WebSocket-Version"},
		{"no key", "HTTP/1.1", "Sec-WebSocket-Version: 13", 400, "no Sec-WebSocket-Key"},
		{"short key", "HTTP/1.1", "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: YWJj", 400, "not 16 bytes"},
		{"not base64", "HTTP/1.1", "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: !!!!", 400, "not 16 bytes"},
		{"two keys", "HTTP/1.1", "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Key: " + key, 400, "more than one"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := fmt.Sprintf("GET /status/101 %s\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n%s\r\n\r\n", c.proto, c.headers)
			resps := readResponses(t, rawExchange(t, ts, req, 300*time.Millisecond))
			if len(resps) != 1 || resps[0].StatusCode != c.status {
				t.Fatalf("%d responses, want one %d: %v", len(resps), c.status, resps)
			}
			raw := rawExchange(t, ts, req, 300*time.Millisecond)
			_, body, _ := strings.Cut(raw, "\r\n\r\n")
			assertErrorShape(t, resps[0], body, c.detail)
			if c.status == 426 && (resps[0].Header.Get("Upgrade") != "websocket" || resps[0].Header.Get("Sec-WebSocket-Version") != "13") {
				t.Errorf("426 without Upgrade and Sec-WebSocket-Version: %v", resps[0].Header)
			}
		})
	}
}
