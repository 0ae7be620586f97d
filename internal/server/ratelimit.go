package server

import (
	"math"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// ipLimiter is the per-client-IP token bucket behind --rate-limit. It
// keeps at most maxKeys clients; when full it forgets the ones idle
// longest, so a flood of addresses cannot grow it without bound.
type ipLimiter struct {
	mu      sync.Mutex
	perSec  rate.Limit
	burst   int
	maxKeys int
	clients map[string]*bucket
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newIPLimiter(perSecond float64, burst, maxKeys int) *ipLimiter {
	return &ipLimiter{perSec: rate.Limit(perSecond), burst: burst, maxKeys: maxKeys, clients: make(map[string]*bucket)}
}

// allow takes a token for ip. It sets the RateLimit header fields on w
// either way, and Retry-After when it refuses.
func (l *ipLimiter) allow(ip string, w http.ResponseWriter) bool {
	now := time.Now()
	l.mu.Lock()
	b, ok := l.clients[ip]
	if !ok {
		if len(l.clients) >= l.maxKeys {
			l.evictLocked(now)
		}
		b = &bucket{lim: rate.NewLimiter(l.perSec, l.burst)}
		l.clients[ip] = b
	}
	b.seen = now
	res := b.lim.ReserveN(now, 1)
	delay := res.DelayFrom(now)
	if delay > 0 {
		res.CancelAt(now)
	}
	remaining := int(math.Max(0, math.Floor(b.lim.TokensAt(now))))
	l.mu.Unlock()

	retry := int(math.Ceil(delay.Seconds()))
	window := int(math.Ceil(float64(l.burst) / float64(l.perSec)))
	setRateLimitHeaders(w.Header(), l.burst, remaining, max(retry, 1), window)
	if delay > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(max(retry, 1)))
		return false
	}
	return true
}

// evictLocked drops the clients idle longest: everyone idle over a minute,
// or at least the oldest half.
func (l *ipLimiter) evictLocked(now time.Time) {
	for ip, b := range l.clients {
		if now.Sub(b.seen) > time.Minute {
			delete(l.clients, ip)
		}
	}
	for ip := range l.clients {
		if len(l.clients) < l.maxKeys/2 {
			break
		}
		delete(l.clients, ip)
	}
}

// setRateLimitHeaders writes both generations of rate-limit fields: the
// widely deployed RateLimit-Limit/-Remaining/-Reset and the IETF draft's
// structured RateLimit-Policy and RateLimit.
func setRateLimitHeaders(h http.Header, limit, remaining, resetSeconds, windowSeconds int) {
	h.Set("RateLimit-Limit", strconv.Itoa(limit))
	h.Set("RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("RateLimit-Reset", strconv.Itoa(resetSeconds))
	h.Set("RateLimit-Policy", `"default";q=`+strconv.Itoa(limit)+`;w=`+strconv.Itoa(windowSeconds))
	h.Set("RateLimit", `"default";r=`+strconv.Itoa(remaining)+`;t=`+strconv.Itoa(resetSeconds))
}

// clientIP is the address rate limits and /ratelimit count against: the
// TCP peer, or with TrustProxy the left-most address of Forwarded or
// X-Forwarded-For.
func (s *server) clientIP(r *http.Request) string {
	if s.opts.TrustProxy {
		if ip := forwardedFor(r.Header.Get("Forwarded")); ip != "" {
			return ip
		}
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(first)); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// forwardedFor returns the first for= address of a Forwarded header
// (RFC 7239), or "" when there is none it can parse.
func forwardedFor(h string) string {
	if h == "" {
		return ""
	}
	first, _, _ := strings.Cut(h, ",")
	for _, pair := range strings.Split(first, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok || !strings.EqualFold(k, "for") {
			continue
		}
		v = strings.Trim(v, `"`)
		if strings.HasPrefix(v, "[") {
			if end := strings.Index(v, "]"); end > 0 {
				v = v[1:end]
			}
		} else if host, _, err := net.SplitHostPort(v); err == nil {
			v = host
		}
		if ip := net.ParseIP(v); ip != nil {
			return ip.String()
		}
	}
	return ""
}

// windowCounts is /ratelimit's limiter: a fixed window per key, at most
// maxKeys keys. When the table is full, expired windows are reclaimed and
// then the oldest live ones are forgotten, so that one client filling it
// with long windows cannot lock everyone else out; a forgotten key simply
// starts a new window.
type windowCounts struct {
	mu      sync.Mutex
	maxKeys int
	keys    map[string]*window
}

type window struct {
	start time.Time
	size  time.Duration
	count int
}

func newWindowCounts(maxKeys int) *windowCounts {
	return &windowCounts{maxKeys: maxKeys, keys: make(map[string]*window)}
}

// hit counts a request for key in a window of size with room for limit
// requests. It returns whether the request is allowed, how many remain
// and when the window resets: the wait after which a refused client is
// served again.
func (c *windowCounts) hit(key string, limit int, size time.Duration, now time.Time) (ok bool, remaining int, reset time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	w, found := c.keys[key]
	if !found || now.Sub(w.start) >= w.size || w.size != size {
		if !found && len(c.keys) >= c.maxKeys {
			c.evictLocked(now)
		}
		w = &window{start: now, size: size}
		c.keys[key] = w
	}
	reset = w.start.Add(w.size).Sub(now)
	if w.count >= limit {
		return false, 0, reset
	}
	w.count++
	return true, limit - w.count, reset
}

// evictLocked makes room: every expired window goes, and if that is not
// a tenth of the table, the oldest live windows go too (a tenth at once,
// so that the scan is paid once per many new keys).
func (c *windowCounts) evictLocked(now time.Time) {
	for k, w := range c.keys {
		if now.Sub(w.start) >= w.size {
			delete(c.keys, k)
		}
	}
	room := max(c.maxKeys/10, 1)
	if c.maxKeys-len(c.keys) >= room {
		return
	}
	starts := make([]time.Time, 0, len(c.keys))
	for _, w := range c.keys {
		starts = append(starts, w.start)
	}
	slices.SortFunc(starts, time.Time.Compare)
	cutoff := starts[min(room, len(starts))-1]
	for k, w := range c.keys {
		if !w.start.After(cutoff) {
			delete(c.keys, k)
		}
	}
}
