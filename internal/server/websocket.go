package server

import (
	"context"
	"errors"
	"net/http"
	"strings"
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

// switchProtocols answers /status/101. With a valid WebSocket handshake it
// switches protocols and echoes every message back; without one there is
// nothing to switch to, so it answers 426 Upgrade Required with the
// protocol to ask for, never leaving the client hanging.
func (s *server) switchProtocols(w http.ResponseWriter, r *http.Request, o *statusOptions) {
	if !isWebSocketHandshake(r) {
		w.Header().Set("Upgrade", "websocket")
		w.Header().Set("Connection", "Upgrade")
		s.fail(w, r, http.StatusUpgradeRequired,
			"101 Switching Protocols needs something to switch to: send a WebSocket handshake (GET with Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key and Sec-WebSocket-Version: 13), for example with websocat ws://HOST/status/101; the server then echoes every message")
		return
	}
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
	if err != nil {
		return // Accept has already answered with the handshake error
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
