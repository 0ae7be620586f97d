package server

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// WebSocket echo limits: small messages, idle connections closed, and no
// session longer than a few minutes, so that a public instance cannot be
// used as a free relay.
const (
	wsMaxMessage = 64 << 10
	wsIdle       = 30 * time.Second
	wsLifetime   = 5 * time.Minute
)

// isWebSocketHandshake reports whether r asks to switch to WebSocket
// (RFC 6455 §4.1: Upgrade: websocket and Connection: Upgrade on a GET).
func isWebSocketHandshake(r *http.Request) bool {
	return r.Method == http.MethodGet && headerHasToken(r.Header, "Upgrade", "websocket") && headerHasToken(r.Header, "Connection", "upgrade")
}

// headerHasToken reports whether a comma-separated header holds token,
// case-insensitively.
func headerHasToken(h http.Header, name, token string) bool {
	for _, v := range h.Values(name) {
		for _, t := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(t), token) {
				return true
			}
		}
	}
	return false
}

// checkWebSocketHandshake checks what RFC 6455 §4.2.1 asks of an opening
// handshake beyond Upgrade and Connection, before the WebSocket library
// sees it, so that a bad handshake gets the service's one error shape
// (the library answers in plain text). It returns the status and reason
// of the refusal, or 0.
func checkWebSocketHandshake(r *http.Request) (int, string) {
	if !r.ProtoAtLeast(1, 1) {
		return http.StatusUpgradeRequired, fmt.Sprintf("a WebSocket handshake needs HTTP/1.1, and this request is %s, whose Upgrade header a server must ignore (RFC 9110 §7.8): send it again over HTTP/1.1", clip(r.Proto))
	}
	if v := r.Header.Values("Sec-WebSocket-Version"); len(v) != 1 || strings.TrimSpace(v[0]) != "13" {
		return http.StatusUpgradeRequired, fmt.Sprintf("Sec-WebSocket-Version %q is not supported: send Sec-WebSocket-Version: 13, the version of RFC 6455", clip(strings.Join(v, ", ")))
	}
	keys := r.Header.Values("Sec-WebSocket-Key")
	switch {
	case len(keys) == 0:
		return http.StatusBadRequest, "the handshake has no Sec-WebSocket-Key: send 16 random bytes in base64 (RFC 6455 §4.1)"
	case len(keys) > 1:
		return http.StatusBadRequest, "the handshake has more than one Sec-WebSocket-Key; send one"
	}
	if k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(keys[0])); err != nil || len(k) != 16 {
		return http.StatusBadRequest, fmt.Sprintf("Sec-WebSocket-Key %q is not 16 bytes in base64 (RFC 6455 §4.1), such as dGhlIHNhbXBsZSBub25jZQ==", clip(keys[0]))
	}
	return 0, ""
}

// switchProtocols answers /status/101. With a valid WebSocket handshake it
// switches protocols and echoes every message back; without one there is
// nothing to switch to, so it answers 426 Upgrade Required with the
// protocol to ask for, never leaving the client hanging. At most
// --max-websockets sessions are open at once; beyond, 503.
func (s *server) switchProtocols(w http.ResponseWriter, r *http.Request, o *statusOptions) {
	if !isWebSocketHandshake(r) {
		w.Header().Set("Upgrade", "websocket")
		w.Header().Set("Connection", "Upgrade")
		s.fail(w, r, http.StatusUpgradeRequired,
			"101 Switching Protocols needs something to switch to: send a WebSocket handshake (GET with Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key and Sec-WebSocket-Version: 13), for example with websocat ws://HOST/status/101; the server then echoes every message")
		return
	}
	if code, why := checkWebSocketHandshake(r); code != 0 {
		if code == http.StatusUpgradeRequired {
			w.Header().Set("Upgrade", "websocket")
			w.Header().Set("Connection", "Upgrade")
			w.Header().Set("Sec-WebSocket-Version", "13")
		}
		s.fail(w, r, code, "%s", why)
		return
	}
	release, wait, ok := s.websockets.acquire(time.Now())
	if !ok {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
		s.fail(w, r, http.StatusServiceUnavailable, "%d WebSocket sessions are open, the --max-websockets limit; retry after the time in Retry-After, when the oldest one has ended", s.opts.MaxWebSockets)
		return
	}
	defer release()
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
	if err != nil {
		return // checked above; only a connection that cannot be taken over gets here
	}
	defer conn.CloseNow()
	conn.SetReadLimit(wsMaxMessage)
	ctx, cancel := context.WithTimeout(r.Context(), wsLifetime)
	defer cancel()
	for {
		readCtx, stop := context.WithTimeout(ctx, wsIdle)
		typ, msg, err := conn.Read(readCtx)
		stop()
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				conn.Close(websocket.StatusGoingAway, "idle or session time limit reached")
			}
			return
		}
		if err := conn.Write(ctx, typ, msg); err != nil {
			return
		}
	}
}

// sessionSlots bounds the WebSocket sessions open at once. It remembers
// when each began, so that a refusal can say truthfully when a place will
// be free: no session outlives wsLifetime.
type sessionSlots struct {
	mu      sync.Mutex
	max     int
	next    uint64
	started map[uint64]time.Time
}

func newSessionSlots(max int) *sessionSlots {
	return &sessionSlots{max: max, started: make(map[uint64]time.Time)}
}

// acquire takes a place and returns the function that gives it back; when
// all are taken it returns how long until the oldest session must end.
func (p *sessionSlots) acquire(now time.Time) (release func(), wait time.Duration, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.started) >= p.max {
		oldest := now
		for _, t := range p.started {
			if t.Before(oldest) {
				oldest = t
			}
		}
		return nil, oldest.Add(wsLifetime).Sub(now), false
	}
	p.next++
	id := p.next
	p.started[id] = now
	return func() {
		p.mu.Lock()
		delete(p.started, id)
		p.mu.Unlock()
	}, 0, true
}

// open is how many sessions are open.
func (p *sessionSlots) open() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.started)
}
