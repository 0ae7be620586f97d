package lint

import (
	"fmt"
	"mime"
	"net/http"
	"net/textproto"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/httpstatus/httpstatus"
)

// passive are the rules run on every hop, in order.
var passive = []func(*checker){
	checkStatusLines,
	checkHeaders,
	checkRequestFit,
	checkFraming,
	checkBody,
	checkCaching,
	checkBetterCode,
}

// reportOn adds a finding about r (the final or an interim response).
func (c *checker) reportOn(r *Response, id, message string) {
	add(c.out, id, c.hop, r.StatusCode, message)
}

// responses are the interim responses and then the final one.
func (c *checker) responses() []*Response {
	out := make([]*Response, 0, len(c.ex.Interim)+1)
	for i := range c.ex.Interim {
		out = append(out, &c.ex.Interim[i])
	}
	return append(out, &c.ex.Response)
}

// method is the request's method in upper case; "" when unknown.
func (c *checker) method() string { return c.ex.Request.Method }

// values returns every value of the named field: the canonical key
// first, then any key spelled otherwise (a map filled by hand).
func values(h http.Header, name string) []string {
	if v, ok := h[textproto.CanonicalMIMEHeaderKey(name)]; ok {
		return v
	}
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// has reports whether the named field is present (even empty).
func has(h http.Header, name string) bool { return values(h, name) != nil }

// present reports whether the named field is there with a value. An
// empty value says nothing, except in Allow, where it means "no method".
func present(h http.Header, name string) bool {
	if strings.EqualFold(name, "Allow") {
		return has(h, name)
	}
	return strings.TrimSpace(get(h, name)) != ""
}

// get is the named field's values joined as one list.
func get(h http.Header, name string) string { return strings.Join(values(h, name), ", ") }

// hasToken reports whether a comma-separated field value lists token
// (case-insensitively), as Connection and Cache-Control directives are.
func hasToken(value, token string) bool {
	for part := range strings.SplitSeq(value, ",") {
		name, _, _ := strings.Cut(part, "=")
		if strings.EqualFold(strings.TrimSpace(name), token) {
			return true
		}
	}
	return false
}

// hasContent reports whether the response carried content. Bytes past
// the message's end are not content: the framing rules count them.
func hasContent(r *Response) bool { return r.length() > 0 }

// checkStatusLines checks the status line of every response.
func checkStatusLines(c *checker) {
	for _, r := range c.responses() {
		checkStatusLine(c, r)
	}
	if len(c.ex.Interim) > 0 && c.ex.Request.Proto == "HTTP/1.0" {
		r := &c.ex.Interim[0]
		c.reportOn(r, "interim-to-http10", fmt.Sprintf("a %d interim response went to an HTTP/1.0 request; HTTP/1.0 clients do not know 1xx, so a server must not send them one: send only the final response", r.StatusCode))
	}
}

func checkStatusLine(c *checker, r *Response) {
	code := r.StatusCode
	if !httpstatus.IsValid(code) {
		msg := fmt.Sprintf("%d is not a status code: codes are three digits from 100 to 599, and clients treat anything else as an invalid response", code)
		if e, ok := httpstatus.Lookup(code); ok {
			msg += fmt.Sprintf(". It is %s's %q; only that vendor's own clients understand it", e.Vendor, e.Phrase)
		}
		c.reportOn(r, "status-out-of-range", msg)
		return
	}
	ms := httpstatus.Meanings(code)
	if len(ms) == 0 {
		d, _ := httpstatus.Describe(code)
		x00 := code / 100 * 100
		c.reportOn(r, "status-unassigned", fmt.Sprintf("%d is not assigned in the IANA registry; a client that does not know a code treats it as the x00 of its class, %d %s (RFC 9110 §15). %s Send a registered code.", code, x00, httpstatus.Text(x00), strings.TrimSpace(d.Summary)))
		return
	}
	e := ms[0]
	switch e.Registry {
	case httpstatus.Unofficial:
		var whose []string
		for _, m := range ms {
			whose = append(whose, fmt.Sprintf("%s's %q", m.Vendor, m.Phrase))
		}
		msg := fmt.Sprintf("%d is not registered: it is %s. A client that does not know it treats it as %d %s.", code, strings.Join(whose, ", also "), code/100*100, httpstatus.Text(code/100*100))
		if e.NeverSent {
			msg += " It is not normally sent at all: " + e.ClientSees
		} else {
			msg += " Outside that vendor's own clients, send the registered code that fits."
		}
		c.reportOn(r, "status-unofficial", msg)
	case httpstatus.Reserved:
		msg := fmt.Sprintf("%d is reserved in the IANA registry: %s", code, e.RegistryNote)
		for _, m := range ms[1:] {
			msg += fmt.Sprintf(" It is also known as %q (%s), which clients do not know.", m.Phrase, m.Vendor)
		}
		c.reportOn(r, "status-reserved", msg+" Send a registered code.")
	case httpstatus.Obsolete:
		c.reportOn(r, "status-obsolete", fmt.Sprintf("%d %s is obsolete: %s", code, e.Phrase, e.RegistryNote))
	}
	if e.Deprecated {
		c.reportOn(r, "status-deprecated", fmt.Sprintf("%d %s is deprecated: %s", code, e.Phrase, e.RegistryNote))
	}
	checkReason(c, r, ms)
	checkVersion(c, r)
}

// normPhrase is a reason phrase as compared: lower case, single spaces.
func normPhrase(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// phraseOwners maps every known phrase and alias to the codes it names;
// built on first use, so importing the package costs nothing.
var phraseOwners = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	note := func(p string, code int) {
		k := normPhrase(p)
		if k != "" && !slices.Contains(m[k], code) {
			m[k] = append(m[k], code)
		}
	}
	for _, s := range httpstatus.All() {
		note(s.Phrase, s.Code)
		for _, a := range s.Aliases {
			note(a, s.Code)
		}
	}
	for code := 100; code <= 599; code++ {
		note(http.StatusText(code), code)
	}
	return m
})

func checkReason(c *checker, r *Response, ms []httpstatus.Status) {
	p := normPhrase(r.Reason)
	if p == "" {
		return // an empty reason phrase is valid (RFC 9112 §4)
	}
	owners := phraseOwners()[p]
	if slices.Contains(owners, r.StatusCode) {
		return
	}
	want := ms[0].Phrase
	if len(owners) > 0 {
		c.reportOn(r, "reason-other-code", fmt.Sprintf("the reason phrase %q belongs to %d, not %d: send %q (clients go by the number, but people and logs read the phrase)", r.Reason, owners[0], r.StatusCode, strconv.Itoa(r.StatusCode)+" "+want))
		return
	}
	c.reportOn(r, "reason-custom", fmt.Sprintf("the reason phrase %q is not the registered %q; that is allowed, but clients must not rely on it and HTTP/2 drops it", r.Reason, want))
}

// versions that exist, by major and minor number.
var knownVersions = map[[2]int]bool{{1, 0}: true, {1, 1}: true, {2, 0}: true, {3, 0}: true}

// parseVersion reads "HTTP/1.1" (or "HTTP/2").
func parseVersion(s string) (v [2]int, ok bool) {
	rest, found := strings.CutPrefix(s, "HTTP/")
	if !found {
		return v, false
	}
	maj, mnr, _ := strings.Cut(rest, ".")
	if mnr == "" {
		mnr = "0"
	}
	a, err1 := strconv.Atoi(maj)
	b, err2 := strconv.Atoi(mnr)
	return [2]int{a, b}, err1 == nil && err2 == nil
}

func checkVersion(c *checker, r *Response) {
	if r.Proto == "" {
		return
	}
	got, ok := parseVersion(r.Proto)
	if !ok || !knownVersions[got] {
		c.reportOn(r, "version-not-sent", fmt.Sprintf("%q is not an HTTP version; a server answers with the highest version it supports up to the request's (RFC 9110 §2.5)", r.Proto))
		return
	}
	want, ok := parseVersion(c.ex.Request.Proto)
	if ok && got[0] > want[0] {
		c.reportOn(r, "version-not-sent", fmt.Sprintf("the request was %s and the response says %s; a server must not answer with a major version the client did not send (RFC 9110 §2.5)", c.ex.Request.Proto, r.Proto))
	}
}

// checkHeaders checks the headers the catalogue says each code needs, and
// the syntax of the fields whose syntax matters to clients.
func checkHeaders(c *checker) {
	seen := map[int]bool{}
	for _, r := range c.responses() {
		first := !seen[r.StatusCode]
		seen[r.StatusCode] = true
		rules := headerRules()[r.StatusCode]
		if otherMeaning(r) {
			rules = nil // the response is another party's use of the number
		}
		for _, hr := range rules {
			if present(r.Header, hr.Header.Name) || !c.applies(hr.Header.When, r, first) {
				continue
			}
			verb := "should"
			if hr.Header.Requirement == httpstatus.Required {
				verb = "must"
			}
			c.reportOn(r, hr.ID, fmt.Sprintf("a %d %s carry %s: %s", r.StatusCode, verb, hr.Header.Name, plainNote(hr.Header.Note)))
		}
		checkFieldSyntax(c, r)
	}
}

// otherMeaning reports whether r carries a header that only another
// meaning of its number uses (Microsoft's 451 with X-MS-Location is not
// the legal 451), so the first meaning's header rules do not apply.
func otherMeaning(r *Response) bool {
	ms := httpstatus.Meanings(r.StatusCode)
	if len(ms) < 2 {
		return false
	}
	own := map[string]bool{}
	for _, h := range ms[0].Headers {
		own[strings.ToLower(h.Name)] = true
	}
	for _, m := range ms[1:] {
		for _, h := range m.Headers {
			if !own[strings.ToLower(h.Name)] && has(r.Header, h.Name) {
				return true
			}
		}
	}
	return false
}

// plainNote is a catalogue note without its Markdown code marks.
func plainNote(s string) string { return strings.ReplaceAll(s, "`", "") }

// applies decides a header's condition for response r; first says r is
// the first response with its code in the exchange.
func (c *checker) applies(when httpstatus.Condition, r *Response, first bool) bool {
	switch when {
	case httpstatus.Always:
		return true
	case httpstatus.WithContent:
		return hasContent(r) && c.method() != http.MethodHead
	case httpstatus.ForRangeRequest:
		return has(c.ex.Request.Header, "Range")
	case httpstatus.ForCodedContent:
		return has(c.ex.Request.Header, "Content-Encoding")
	case httpstatus.SinglePart:
		mt, _, _ := mime.ParseMediaType(get(r.Header, "Content-Type"))
		return mt != "multipart/byteranges"
	case httpstatus.FirstInterim:
		return first
	case httpstatus.NotAtTarget:
		return c.method() != http.MethodPut
	case httpstatus.NoOtherFraming:
		return r.Proto == "HTTP/1.1" && c.method() != http.MethodHead && !has(r.Header, "Transfer-Encoding") && !hasToken(get(r.Header, "Connection"), "close")
	}
	return false
}

func checkFieldSyntax(c *checker, r *Response) {
	if vs := values(r.Header, "Retry-After"); vs != nil {
		checkRetryAfter(c, r, vs)
	}
	if v := get(r.Header, "Content-Range"); v != "" && (r.StatusCode == 206 || r.StatusCode == 416) {
		if problem := contentRangeProblem(v, r.StatusCode); problem != "" {
			c.reportOn(r, "content-range-invalid", problem)
		}
	}
	for _, name := range []string{"WWW-Authenticate", "Proxy-Authenticate"} {
		for _, v := range values(r.Header, name) {
			if problem := challengeProblem(v); problem != "" {
				c.reportOn(r, "challenge-invalid", fmt.Sprintf("%s: %s is not a valid challenge list: %s", name, quoteValue(v), problem))
			}
		}
	}
	if has(r.Header, "Upgrade") && !hasToken(get(r.Header, "Connection"), "upgrade") {
		switch {
		case has(r.Header, "Connection"):
			c.reportOn(r, "upgrade-without-connection-option", fmt.Sprintf("Upgrade is sent but Connection (%s) lacks the upgrade option; add it, or intermediaries forward Upgrade as if it were meant for the next hop", quoteValue(get(r.Header, "Connection"))))
		case !needsHeader(r.StatusCode, "Connection"): // else {code}-no-connection says it
			c.reportOn(r, "upgrade-without-connection-option", "Upgrade is sent without Connection: upgrade; add it, or intermediaries forward Upgrade as if it were meant for the next hop")
		}
	}
	for _, v := range values(r.Header, "Location") {
		if problem := locationProblem(v); problem != "" {
			c.reportOn(r, "location-invalid", fmt.Sprintf("Location %s is not a URI reference: %s", quoteValue(v), problem))
		}
	}
}

// checkRequestFit checks what only the request can show: a 206 nobody
// asked for, a 405 that allows the refused method.
func checkRequestFit(c *checker) {
	m, req, r := c.method(), &c.ex.Request, &c.ex.Response
	if m == "" {
		return
	}
	switch r.StatusCode {
	case 206:
		if !has(req.Header, "Range") {
			c.report("206-not-requested", "a 206 Partial Content answers a request that had no Range header; send 200 with the whole representation")
		}
	case 416:
		if !has(req.Header, "Range") {
			c.report("416-not-requested", "a 416 Range Not Satisfiable answers a request that had no Range header; a server ignores ranges nobody asked for")
		}
	case 201:
		if m == http.MethodGet || m == http.MethodHead {
			c.report("201-to-safe-method", fmt.Sprintf("a 201 Created answers %s, a safe method that creates nothing; send 200, or 201 from the POST or PUT that created the resource", m))
		}
	case 304:
		if !has(req.Header, "If-None-Match") && !has(req.Header, "If-Modified-Since") {
			c.report("304-not-conditional", "a 304 Not Modified answers a request with neither If-None-Match nor If-Modified-Since; the client has no copy to reuse, so send 200 with the content")
		}
	case 412:
		found := false
		// WebDAV's If and Overwrite: F are preconditions too (RFC 4918 §10.4, §10.6).
		for _, f := range []string{"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "If", "Overwrite"} {
			found = found || has(req.Header, f)
		}
		if !found {
			c.report("412-no-precondition", "a 412 Precondition Failed answers a request that had no precondition (If-Match, If-Unmodified-Since, ...); to demand one, send 428 Precondition Required")
		}
	case 405:
		for _, v := range values(r.Header, "Allow") {
			for part := range strings.SplitSeq(v, ",") {
				if strings.TrimSpace(part) == m {
					c.report("405-allows-method", fmt.Sprintf("the 405 refuses %s but its Allow (%s) lists %s; list only the methods the resource supports, or serve the method", m, quoteValue(get(r.Header, "Allow")), m))
				}
			}
		}
	}
}

// clip is a field value cut to 80 bytes for a message.
func clip(v string) string {
	if len(v) > 80 {
		return v[:80] + "..."
	}
	return v
}

// quoteValue is a field value quoted for a message, cut to 80 bytes.
func quoteValue(v string) string {
	if len(v) > 80 {
		v = v[:80] + "..."
	}
	return strconv.Quote(v)
}

// checkFraming checks Content-Length and content against the status
// and the method.
func checkFraming(c *checker) {
	for i, r := range c.responses() {
		final := i == len(c.ex.Interim)
		code := r.StatusCode
		noLength := code/100 == 1 || code == 204
		if noLength && has(r.Header, "Content-Length") {
			c.reportOn(r, "content-length-forbidden", fmt.Sprintf("a %d carries Content-Length: %s; a server must not send Content-Length in a 1xx or 204 response: remove it", code, quoteValue(get(r.Header, "Content-Length"))))
		}
		if noLength && has(r.Header, "Transfer-Encoding") {
			c.reportOn(r, "transfer-encoding-forbidden", fmt.Sprintf("a %d carries Transfer-Encoding: %s; a server must not send Transfer-Encoding in a 1xx or 204 response: remove it", code, quoteValue(get(r.Header, "Transfer-Encoding"))))
		}
		if !final {
			continue
		}
		declared, valid, problem := contentLength(r.Header)
		if problem != "" {
			c.reportOn(r, "content-length-invalid", problem)
		}
		forbidden := false
		if e, ok := httpstatus.Lookup(code); ok && e.Registry != httpstatus.Unofficial && e.Body == httpstatus.BodyForbidden {
			forbidden = true
			n := r.length() + r.Excess
			if code == 205 && valid && declared > 0 {
				n = max(n, declared)
			}
			if n > 0 {
				c.reportOn(r, contentRuleID(code), fmt.Sprintf("a %d %s has no content, but %d bytes followed its header; remove them (a client reads them as the start of the next response)", code, e.Phrase, n))
			}
		}
		if c.method() == http.MethodHead && !forbidden && r.length()+r.Excess > 0 {
			c.reportOn(r, "head-content", fmt.Sprintf("%d bytes of content followed the response to HEAD; a response to HEAD has none (a client reads them as the start of the next response)", r.length()+r.Excess))
		}
		if forbidden || c.method() == http.MethodHead {
			continue
		}
		if valid && r.Excess > 0 {
			c.reportOn(r, "content-length-excess", fmt.Sprintf("Content-Length says %d bytes, and %d more followed; make it the content's real length", declared, r.Excess))
		}
		if valid && r.Incomplete && r.length() < declared {
			c.reportOn(r, "content-length-short", fmt.Sprintf("Content-Length says %d bytes, but the connection ended after %d; send all of the content, or the right length", declared, r.length()))
		}
	}
}

// contentLength reads Content-Length: the value, whether there is one
// valid value, and what is wrong with it.
func contentLength(h http.Header) (n int64, valid bool, problem string) {
	vs := values(h, "Content-Length")
	if vs == nil {
		return 0, false, ""
	}
	var first string
	for _, v := range vs {
		for part := range strings.SplitSeq(v, ",") {
			part = strings.TrimSpace(part)
			if first == "" {
				first = part
			}
			if part != first {
				return 0, false, fmt.Sprintf("Content-Length has different values (%s); send one", quoteValue(strings.Join(vs, ", ")))
			}
		}
	}
	n, err := strconv.ParseInt(first, 10, 64)
	if err != nil || n < 0 || strings.ContainsAny(first, "+-") {
		return 0, false, fmt.Sprintf("Content-Length %s is not a number of bytes", quoteValue(first))
	}
	return n, true, ""
}

// checkBody looks into the content: a missing Content-Type, a 2xx that
// says it failed, a leaked stack trace or database error.
func checkBody(c *checker) {
	r := &c.ex.Response
	if !hasContent(r) || c.method() == http.MethodHead {
		return
	}
	if e, ok := httpstatus.Lookup(r.StatusCode); ok && e.Body == httpstatus.BodyForbidden {
		return
	}
	ct := get(r.Header, "Content-Type")
	if strings.TrimSpace(ct) == "" && !coversContentType(r.StatusCode) {
		c.report("no-content-type", fmt.Sprintf("%d bytes of content without Content-Type; say what they are, or clients guess (and browsers may sniff them into something else)", r.length()))
	}
	if len(r.Body) == 0 {
		return
	}
	if httpstatus.IsSuccess(r.StatusCode) {
		if v, ok := softError(ct, r.Body); ok {
			if v.Info {
				c.report("soft-error-graphql", fmt.Sprintf("the %d carries GraphQL errors (%s); that is GraphQL's way for partial results, but a request that failed entirely is clearer as a 4xx or 5xx", r.StatusCode, v.Detail))
			} else {
				c.report("soft-error", fmt.Sprintf("a %d says it succeeded, but %s; answer with the 4xx or 5xx that fits, so clients, caches and monitors see the failure", r.StatusCode, v.Detail))
			}
		}
	}
	if v, ok := leak(ct, r.Body); ok {
		id, worse := "leak", ""
		if httpstatus.IsServerError(r.StatusCode) {
			id, worse = "leak-on-5xx", "; an error page is where attackers look first"
		}
		c.report(id, fmt.Sprintf("the body shows %s: it tells anyone what runs behind the service%s. Log it, and send a short message with a reference instead", v.Detail, worse))
	}
}

// coversContentType reports whether a catalogue header rule already
// checks Content-Type for the code, so the general rule stays quiet.
func coversContentType(code int) bool { return needsHeader(code, "Content-Type") }

// needsHeader reports whether a catalogue header rule checks the named
// header for code.
func needsHeader(code int, name string) bool {
	for _, hr := range headerRules()[code] {
		if strings.EqualFold(hr.Header.Name, name) {
			return true
		}
	}
	return false
}
