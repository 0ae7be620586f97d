package lint

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/httpstatus/httpstatus"
)

// maxRedirects is the longest chain that passes without a warning.
const maxRedirects = 3

// isRedirect reports whether code sends the client on with Location.
func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// target resolves a hop's Location against its request URL; nil when
// either does not parse.
func target(ex *Exchange) *url.URL {
	loc := get(ex.Response.Header, "Location")
	if loc == "" || ex.Request.URL == "" {
		return nil
	}
	base, err := url.Parse(ex.Request.URL)
	if err != nil {
		return nil
	}
	ref, err := url.Parse(loc)
	if err != nil {
		return nil
	}
	u := base.ResolveReference(ref)
	u.Fragment = ""
	return u
}

// sameURL compares two URLs as a client following redirects would.
func sameURL(a, b *url.URL) bool {
	norm := func(u *url.URL) string {
		c := *u
		c.Fragment, c.RawFragment = "", ""
		c.Scheme, c.Host = strings.ToLower(c.Scheme), strings.ToLower(c.Host)
		if c.Path == "" {
			c.Path = "/"
		}
		return c.String()
	}
	return norm(a) == norm(b)
}

// checkChain checks a redirect chain as a whole.
func checkChain(hops []Exchange, out *[]Finding) {
	type visit struct {
		method string
		u      *url.URL
	}
	var seen []visit
	redirects := 0
	for i := range hops {
		ex := &hops[i]
		code := ex.Response.StatusCode
		if u, err := url.Parse(ex.Request.URL); err == nil && ex.Request.URL != "" {
			seen = append(seen, visit{ex.Request.Method, u})
		}
		if !isRedirect(code) {
			continue
		}
		redirects++
		next := target(ex)
		if next == nil {
			continue
		}
		from, _ := url.Parse(ex.Request.URL)
		method := nextMethod(ex.Request.Method, code)
		for _, s := range seen {
			// Post/Redirect/Get back to the same URL is no loop: the
			// method changed.
			if s.method == method && sameURL(s.u, next) {
				add(out, "redirect-loop", i, code, fmt.Sprintf("this %d sends the client back to %s, already requested in this chain: a loop that clients stop after some hops with an error", code, next))
				break
			}
		}
		if strings.EqualFold(from.Scheme, "https") && strings.EqualFold(next.Scheme, "http") {
			add(out, "redirect-downgrade", i, code, fmt.Sprintf("this %d sends the client from https to %s, plain http: anyone on the way can read and change what follows. Redirect to https", code, next))
		}
		if ex.Request.Method == "POST" && (code == 301 || code == 302) {
			alt := "303 See Other (to have the result fetched with GET) or 307/308 (to have the POST repeated)"
			add(out, "redirect-post-changed", i, code, fmt.Sprintf("a %d answers a POST; clients repeat it as a GET without the content, which the spec allows but rarely means. Send %s", code, alt))
		}
		if (code == 302 || code == 307) && looksPermanent(from, next) {
			add(out, "redirect-permanent-as-temporary", i, code, fmt.Sprintf("this %d looks like a move for good (%s to %s); a permanent one (301, or 308 for any method) lets clients and search engines remember it", code, from, next))
		}
	}
	if len(hops) == 0 {
		return
	}
	last := len(hops) - 1
	final := hops[last].Response.StatusCode
	if redirects > maxRedirects {
		add(out, "redirect-chain-long", last, final, fmt.Sprintf("%d redirects before the final answer; each costs a round trip, and some clients give up after a few. Point the first one at the final URL", redirects))
	}
	if redirects > 0 && httpstatus.IsError(final) && !isRedirect(final) {
		add(out, "redirect-ends-in-error", last, final, fmt.Sprintf("the chain of %s ends in %d %s; redirect to a URL that works, or answer the error at the first URL", plural(redirects, "redirect"), final, httpstatus.Text(final)))
	}
}

// nextMethod is the method a client uses after a redirect: GET after
// 303 (but HEAD stays HEAD), and after a 301 or 302 to POST.
func nextMethod(method string, code int) string {
	switch {
	case code == 303 && method != "HEAD", (code == 301 || code == 302) && method == "POST":
		return "GET"
	}
	return method
}

// plural is "1 redirect" or "2 redirects".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// looksPermanent reports whether a redirect from one URL to the other is
// of the kinds that are permanent by nature: http to https, adding or
// removing "www.", adding or removing a trailing slash.
func looksPermanent(from, to *url.URL) bool {
	if from == nil || to == nil {
		return false
	}
	fh, th := strings.ToLower(from.Host), strings.ToLower(to.Host)
	fp, tp := from.EscapedPath(), to.EscapedPath()
	samePath := fp == tp && from.RawQuery == to.RawQuery
	switch {
	case strings.EqualFold(from.Scheme, "http") && strings.EqualFold(to.Scheme, "https") && fh == th && samePath:
		return true
	case strings.EqualFold(from.Scheme, to.Scheme) && samePath && (fh == "www."+th || th == "www."+fh):
		return true
	case strings.EqualFold(from.Scheme, to.Scheme) && fh == th && from.RawQuery == to.RawQuery && fp != tp &&
		(fp+"/" == tp || tp+"/" == fp):
		return true
	}
	return false
}
