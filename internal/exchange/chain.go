package exchange

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Policy says which redirects a chain follows and how long each exchange
// may take.
type Policy struct {
	// Follow turns redirect following on.
	Follow bool
	// MaxRedirects bounds the hops followed (default 10).
	MaxRedirects int
	// Allow vets a hop just before it is followed (after the loop and
	// MaxRedirects checks): a non-empty answer is the reason it is not.
	// nil follows every http and https hop.
	Allow func(from, to *url.URL) string
	// Timeout bounds each exchange; 0 leaves only ctx.
	Timeout time.Duration
}

// Hop says where a redirect pointed and what was done about it.
type Hop struct {
	Location string `json:"location"`
	// Next is the request target asked for next, NextURL the whole URL.
	Next     string `json:"next,omitempty"`
	NextURL  string `json:"next_url,omitempty"`
	Method   string `json:"method,omitempty"`
	Followed bool   `json:"followed"`
	Reason   string `json:"reason,omitempty"` // why not followed
	// Flags a reader of the chain should see.
	CrossHost bool `json:"cross_host,omitempty"` // to another host or port
	Downgrade bool `json:"downgrade,omitempty"`  // from https to http
	Loop      bool `json:"loop,omitempty"`       // to a URL already requested
}

// Chain is a request and the redirects that followed it.
type Chain struct {
	Exchanges []Exchange `json:"exchanges"`
	Status    int        `json:"status"` // the last final status; 0 when none arrived
	Redirects int        `json:"redirects"`
	Error     string     `json:"error,omitempty"` // why the chain stopped early
	Failure   string     `json:"failure,omitempty"`
	TotalMS   float64    `json:"total_ms"`
}

// Final is the last exchange of the chain.
func (ch *Chain) Final() *Exchange {
	if len(ch.Exchanges) == 0 {
		return nil
	}
	return &ch.Exchanges[len(ch.Exchanges)-1]
}

// Follow performs req and the redirects that follow it under p, the way
// browsers and curl -L do (RFC 9110 §15.4): 303, and 301 or 302 after a
// POST, become GET without a body; 307 and 308 repeat the request. Going
// to another host drops Authorization, Cookie and Proxy-Authorization,
// as curl does. A hop back to a URL already requested is a loop and ends
// the chain.
func (c *Client) Follow(ctx context.Context, req Request, p Policy) Chain {
	return Follow(ctx, c, req, p)
}

// Doer performs one exchange: the engine's Client over HTTP/1.1, or
// HTTP2Client through Go's transport.
type Doer interface {
	Do(ctx context.Context, req Request) Exchange
}

// Follow performs req and its redirects with d, under p and by the rules
// of Client.Follow.
func Follow(ctx context.Context, d Doer, req Request, p Policy) Chain {
	start := time.Now()
	maxRedirects := p.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = 10
	}
	ch := Chain{Exchanges: []Exchange{}}
	seen := map[string]int{}
	cur := req
	for {
		seen[cur.Method+" "+withoutFragment(cur.URL)] = len(ch.Exchanges)
		ectx, cancel := ctx, context.CancelFunc(func() {})
		if p.Timeout > 0 {
			ectx, cancel = context.WithTimeout(ctx, p.Timeout)
		}
		ex := d.Do(ectx, cur)
		cancel()
		ch.Exchanges = append(ch.Exchanges, ex)
		last := &ch.Exchanges[len(ch.Exchanges)-1]
		if ex.Response != nil {
			ch.Status = ex.Response.Status
		}
		if ex.Error != "" {
			ch.Error, ch.Failure = ex.Error, ex.Failure
			break
		}
		next, ok := nextHop(last, cur, p)
		if !ok {
			break
		}
		if at, loop := seen[next.Method+" "+withoutFragment(next.URL)]; loop {
			last.Redirect.Loop, last.Redirect.Followed = true, false
			last.Redirect.Reason = fmt.Sprintf("a redirect loop: %s was already requested (request %d)", next.URL, at+1)
			ch.Error = last.Redirect.Reason
			break
		}
		if ch.Redirects == maxRedirects {
			last.Redirect.Followed, last.Redirect.Reason = false, fmt.Sprintf("stopped after %d redirects", maxRedirects)
			ch.Error = last.Redirect.Reason
			break
		}
		// Asked last, only of a hop that will be followed: Allow may act
		// (take a slot of the next host, wait out its Retry-After).
		if p.Allow != nil {
			if why := p.Allow(cur.URL, next.URL); why != "" {
				last.Redirect.Followed, last.Redirect.Reason = false, why
				break
			}
		}
		ch.Redirects++
		cur = next
	}
	ch.TotalMS = ms(time.Since(start))
	return ch
}

// nextHop decides whether the response in ex redirects, and to what.
func nextHop(ex *Exchange, cur Request, p Policy) (Request, bool) {
	switch ex.Response.Status {
	case 301, 302, 303, 307, 308:
	default:
		return cur, false
	}
	loc := ex.Response.Get("Location")
	if loc == "" {
		return cur, false
	}
	hop := &Hop{Location: loc}
	ex.Redirect = hop
	to, err := cur.URL.Parse(loc)
	if err != nil {
		hop.Reason = fmt.Sprintf("Location does not parse: %v", err)
		return cur, false
	}
	hop.CrossHost = !strings.EqualFold(to.Host, cur.URL.Host) && to.Host != ""
	hop.Downgrade = cur.URL.Scheme == "https" && to.Scheme == "http"
	switch {
	case to.Scheme != "http" && to.Scheme != "https":
		hop.Reason = fmt.Sprintf("it is not an http or https URL (%s)", to.Scheme)
		return cur, false
	case to.Host == "":
		hop.Reason = "it names no host"
		return cur, false
	case !p.Follow:
		hop.Reason = "following redirects is off"
		return cur, false
	}
	to.Fragment, to.RawFragment = "", ""
	next := cur
	next.URL = to
	if ex.Response.Status == 303 && cur.Method != http.MethodHead || (ex.Response.Status == 301 || ex.Response.Status == 302) && cur.Method == http.MethodPost {
		next.Method, next.Body = http.MethodGet, ""
		next.Header = dropFields(cur.Header, "Content-Type")
	}
	if hop.CrossHost {
		next.Header = dropFields(next.Header, "Authorization", "Cookie", "Proxy-Authorization")
	}
	hop.Next, hop.NextURL, hop.Method, hop.Followed = requestTarget(to), to.String(), next.Method, true
	return next, true
}

// dropFields is header without the named fields.
func dropFields(header []Field, names ...string) []Field {
	var out []Field
	for _, h := range header {
		drop := false
		for _, n := range names {
			drop = drop || strings.EqualFold(h.Name, n)
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out
}

func withoutFragment(u *url.URL) string {
	v := *u
	v.Fragment, v.RawFragment = "", ""
	return v.String()
}
