package lint

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/httpstatus/httpstatus"
)

// Sender sends one request of the linter's own, without following
// redirects, and returns what came back. The CLI sends through its
// recording engine; HTTPSender sends with an *http.Client.
type Sender interface {
	Send(ctx context.Context, req Request) (Exchange, error)
}

// SameAsPage is the similarity (0 to 1) from which a random sibling URL's
// page counts as the same page in the soft-404 check.
const SameAsPage = 0.9

// CheckActive runs the rules that need requests of their own on the
// final response of ex, an answer to GET or HEAD: HEAD against GET,
// revalidation with the ETag and Last-Modified it gave, a Range request
// where it advertises Accept-Ranges: bytes, and a random sibling URL for
// soft 404s. It sends at most five requests; findings carry hop. A
// request that fails is skipped, not reported: the passive rules and the
// check itself report broken servers.
func CheckActive(ctx context.Context, ex Exchange, hop int, send Sender) []Finding {
	var out []Finding
	req, r := ex.Request, &ex.Response
	if req.Method != http.MethodGet && req.Method != http.MethodHead || req.URL == "" {
		return nil
	}
	variant := func(method string, extra ...string) (Exchange, bool) {
		q := Request{Method: method, URL: req.URL, Proto: req.Proto, Header: req.Header.Clone()}
		if q.Header == nil {
			q.Header = http.Header{}
		}
		for _, k := range []string{"Range", "If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range"} {
			q.Header.Del(k)
		}
		for i := 0; i+1 < len(extra); i += 2 {
			q.Header.Set(extra[i], extra[i+1])
		}
		got, err := send.Send(ctx, q)
		return got, err == nil && ctx.Err() == nil
	}
	code := r.StatusCode

	// HEAD against GET.
	other := http.MethodHead
	if req.Method == http.MethodHead {
		other = http.MethodGet
	}
	if alt, ok := variant(other); ok {
		get, head := r, &alt.Response
		if req.Method == http.MethodHead {
			get, head = &alt.Response, r
		}
		compareHeadGet(&out, hop, get, head)
	}
	if req.Method != http.MethodGet || code != 200 {
		sortFindings(out)
		return out
	}

	// Revalidation.
	if etag := get(r.Header, "ETag"); etag != "" {
		if alt, ok := variant(http.MethodGet, "If-None-Match", etag); ok {
			switch alt.Response.StatusCode {
			case 304:
				check304(&out, hop, r, &alt.Response)
			case 200:
				add(&out, "etag-not-honoured", hop, code, fmt.Sprintf("a GET with If-None-Match: %s, the ETag just received, got 200 and the whole content again instead of 304 Not Modified; evaluate If-None-Match so that caches can revalidate cheaply", clip(etag)))
			}
		}
	}
	if lm := get(r.Header, "Last-Modified"); lm != "" {
		if _, err := http.ParseTime(lm); err == nil {
			if alt, ok := variant(http.MethodGet, "If-Modified-Since", lm); ok && alt.Response.StatusCode == 200 {
				add(&out, "last-modified-not-honoured", hop, code, fmt.Sprintf("a GET with If-Modified-Since: %s, the Last-Modified just received, got 200 and the whole content again instead of 304 Not Modified", clip(lm)))
			}
		}
	}

	// Ranges.
	if hasToken(get(r.Header, "Accept-Ranges"), "bytes") && r.length() > 1 {
		if alt, ok := variant(http.MethodGet, "Range", "bytes=0-0"); ok && alt.Response.StatusCode == 200 {
			add(&out, "range-not-honoured", hop, code, "the response says Accept-Ranges: bytes, but a request for bytes=0-0 got 200 and the whole content; serve 206 for ranges, or drop Accept-Ranges")
		}
	}

	// Soft 404.
	if sibling, ok := siblingURL(req.URL); ok && len(r.Body) > 0 {
		q := Request{Method: http.MethodGet, URL: sibling, Proto: req.Proto, Header: req.Header.Clone()}
		if alt, err := send.Send(ctx, q); err == nil && httpstatus.IsSuccess(alt.Response.StatusCode) {
			if sim := pageSimilarity(r.Body, alt.Response.Body); sim >= SameAsPage {
				add(&out, "soft-404", hop, code, fmt.Sprintf("%s, a URL that cannot exist, answers %d with the same page (%.0f%% alike); a missing page must answer 404, or clients, crawlers and monitors cannot tell it from a real one", sibling, alt.Response.StatusCode, sim*100))
			}
		}
	}
	sortFindings(out)
	return out
}

// representationFields are the fields HEAD must report as GET would.
var representationFields = []string{"Content-Type", "ETag", "Last-Modified", "Content-Encoding", "Content-Language"}

// compareHeadGet compares a GET and a HEAD answer to the same URL.
func compareHeadGet(out *[]Finding, hop int, get, head *Response) {
	if get.StatusCode != head.StatusCode {
		add(out, "head-get-status", hop, head.StatusCode, fmt.Sprintf("HEAD answers %d and GET %d; HEAD must answer what GET would, without the content (monitors and link checkers rely on it)", head.StatusCode, get.StatusCode))
		return
	}
	var differ []string
	for _, f := range representationFields {
		gv, hv := values(get.Header, f), values(head.Header, f)
		if gv != nil && hv != nil && !slices.Equal(gv, hv) || gv == nil != (hv == nil) {
			differ = append(differ, fmt.Sprintf("%s (GET %s, HEAD %s)", f, quoteValue(strings.Join(gv, ", ")), quoteValue(strings.Join(hv, ", "))))
		}
	}
	gl, gok, _ := contentLength(get.Header)
	hl, hok, _ := contentLength(head.Header)
	if gok && hok && gl != hl {
		differ = append(differ, fmt.Sprintf("Content-Length (GET %d, HEAD %d)", gl, hl))
	}
	if len(differ) > 0 {
		add(out, "head-get-headers", hop, head.StatusCode, "HEAD and GET differ in "+strings.Join(differ, "; ")+"; HEAD must send the fields GET would")
	}
}

// check304 compares a 304 with the 200 it revalidates: the fields the
// catalogue says a 304 must repeat when the 200 carries them.
func check304(out *[]Finding, hop int, ok200, notModified *Response) {
	e, _ := httpstatus.Lookup(304)
	var missing []string
	for _, h := range e.Headers {
		if h.When == httpstatus.IfOn200 && has(ok200.Header, h.Name) && !has(notModified.Header, h.Name) {
			missing = append(missing, h.Name)
		}
	}
	if len(missing) > 0 {
		add(out, "304-drops-field", hop, 304, fmt.Sprintf("the 304 to a revalidation lacks %s, which the 200 carries; a 304 must repeat them so that caches can update their copy", strings.Join(missing, ", ")))
	}
}

// siblingURL is a URL next to raw that surely does not exist: its last
// path segment replaced by a random one (keeping the extension).
func siblingURL(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", false
	}
	var b [8]byte
	rand.Read(b[:])
	name := "httpstatus-lint-" + hex.EncodeToString(b[:])
	dir, last := path.Split(u.Path)
	if dir == "" {
		dir = "/"
	}
	u.Path = dir + name + path.Ext(last)
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u.String(), true
}
