package server

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus"
	"github.com/httpstatus/httpstatus/internal/wire"
)

// interimHeaders are the headers an interim response carries, by code:
// 103 Early Hints tells the client what to preload (RFC 8297); 104 tells
// it where the resumable upload lives (draft-ietf-httpbis-resumable-upload).
var interimHeaders = map[int][][2]string{
	http.StatusEarlyHints: {{"Link", "</static/site.css>; rel=preload; as=style"}, {"Link", "</static/site.js>; rel=preload; as=script"}},
	104:                   {{"Location", "/upload/resumable/1"}, {"Upload-Draft-Interop-Version", "6"}},
}

// sendInterim sends the 1xx interim response for code. For 100 it then
// reads the request body, as a server honouring Expect: 100-continue
// does; the final response follows in writeFinal.
func (s *server) sendInterim(w http.ResponseWriter, r *http.Request, code int, o *statusOptions) {
	h := w.Header()
	added := interimHeaders[code]
	for _, kv := range added {
		h.Add(kv[0], kv[1])
	}
	w.WriteHeader(code)
	if code == http.StatusEarlyHints {
		return // the Link hints stay on the final response too, as servers do
	}
	for _, kv := range added {
		h.Del(kv[0])
	}
	if code == http.StatusContinue {
		io.Copy(io.Discard, r.Body)
	}
}

// representation is what the response body is made of: the custom body or
// the negotiated default. Header values are slices so that precomputed
// ones can go into the header map as they are.
type representation struct {
	contentType []string
	body        []byte
	length      []string // Content-Length when precomputed, else nil
	etag        []string // an entity tag that differs between representations
	negotiated  bool     // chosen by Accept, so the response must say Vary: Accept
}

// varyAccept is the Vary value of negotiated default bodies.
var varyAccept = []string{"Accept"}

// Shared Content-Type values.
var (
	textPlain = []string{"text/plain; charset=utf-8"}
	appJSON   = []string{"application/json"}
	textHTML  = []string{"text/html; charset=utf-8"}
)

// codeInfo is what the test service precomputes for each code 100-599 at
// start-up, so that answering the common requests allocates little.
type codeInfo struct {
	entry   httpstatus.Status // the meaning it acts out (see servedMeaning)
	text    []byte            // the default text/plain body
	textLen []string          // its Content-Length
	json    []byte            // the default JSON body
	html    []byte            // the default HTML body
	single  []choice          // the parsed form of /status/{code}
	etags   [3][]string       // entity tags of the text, JSON and HTML bodies
}

// buildCodeTable prepares every valid code.
func buildCodeTable() *[600]*codeInfo {
	var t [600]*codeInfo
	for code := 100; code <= 599; code++ {
		entry := servedMeaning(code)
		text := strconv.Itoa(code) + " " + entry.Phrase + "\n"
		if code == http.StatusMultipleChoices {
			text += "Choices:\n/status/200?type=json\n/status/200?type=text\n"
		}
		js, _ := jsonBody(code, entry)
		var page bytes.Buffer
		defaultPage.Execute(&page, entry)
		c := strconv.Itoa(code)
		t[code] = &codeInfo{entry: entry, text: []byte(text), textLen: []string{strconv.Itoa(len(text))}, json: js, html: page.Bytes(), single: []choice{{code, 1}},
			etags: [3][]string{{`"` + c + `-text"`}, {`"` + c + `-json"`}, {`"` + c + `-html"`}}}
	}
	return &t
}

// writeFinal writes the final response for code as the catalogue says a
// correct server would: the headers the catalogue marks required or
// recommended, no content where content is forbidden, the byte range a
// 206 promises, and the user's extra headers on top.
func (s *server) writeFinal(w http.ResponseWriter, r *http.Request, code int, o *statusOptions) {
	info := s.codes[code]
	entry := &info.entry
	h := w.Header()
	h["X-Content-Type-Options"] = noSniff
	rep := s.representationFor(r, code, info, o)
	sendsETag := false
	for _, hd := range entry.Headers {
		sendsETag = sendsETag || (hd.Requirement != httpstatus.Optional && textproto.CanonicalMIMEHeaderKey(hd.Name) == "Etag")
	}
	if code >= 200 && code < 300 && !s.preconditionsHold(w, r, rep, sendsETag, o) {
		return
	}

	var ranges []byteRange
	if code == http.StatusPartialContent {
		size := int64(len(rep.body))
		rh := r.Header.Get("Range")
		var err error
		ranges, err = parseRange(rh, size)
		switch {
		case err != nil:
			h.Set("Content-Range", "bytes */"+strconv.FormatInt(size, 10))
			s.fail(w, r, http.StatusRequestedRangeNotSatisfiable, "Range %s selects nothing of the %d bytes here (or more than 16 ranges); ranges start at 0 and end at %d", clip(rh), size, max(size-1, 0))
			return
		case ranges == nil && rh != "":
			// A Range this server does not understand is ignored, as RFC
			// 9110 §14.2 allows: the whole representation, with 200.
			s.writeFinal(w, r, http.StatusOK, o)
			return
		case ranges == nil:
			// No Range at all: a 206 still needs a part to carry.
			ranges = []byteRange{{0, max(size/2, 1) - 1}}
		}
	}
	if o.hasReason {
		if wc, ok := wire.FromContext(r.Context()); ok {
			wc.SetReason(code, o.reason)
		}
	}
	for _, hd := range entry.Headers {
		if hd.Requirement == httpstatus.Optional {
			continue
		}
		if textproto.CanonicalMIMEHeaderKey(hd.Name) == "Etag" {
			h["Etag"] = rep.etag
			continue
		}
		if code == http.StatusUnauthorized && textproto.CanonicalMIMEHeaderKey(hd.Name) == "Www-Authenticate" {
			h.Set(hd.Name, challenge(o.challenge, "httpstatus"))
			continue
		}
		if code == http.StatusProxyAuthRequired && textproto.CanonicalMIMEHeaderKey(hd.Name) == "Proxy-Authenticate" {
			h.Set(hd.Name, challenge(o.challenge, "httpstatus proxy"))
			continue
		}
		if v := s.defaultHeader(hd.Name, code, r, int64(len(rep.body)), ranges); v != "" {
			h.Set(hd.Name, v)
		}
	}
	if rep.negotiated {
		h["Vary"] = varyAccept
	}
	if code == http.StatusTooManyRequests {
		setRateLimitHeaders(h, 60, 0, 5, 60)
	}
	if code == http.StatusUpgradeRequired {
		h.Set("Connection", "Upgrade")
	}
	if o.location != "" {
		h.Set("Location", o.location)
	}
	if o.retryAfter != "" {
		h.Set("Retry-After", o.retryAfter)
	}
	for _, kv := range o.headers {
		h.Add(kv[0], kv[1])
	}

	if entry.Body == httpstatus.BodyForbidden {
		// 204, 205, 304: no content, and for 204 and 304 no Content-Type
		// or Content-Length either (205 may say Content-Length: 0).
		h.Del("Content-Type")
		h.Del("Content-Length")
		w.WriteHeader(code)
		if o.fault == "close_after_headers" {
			abortAfterFlush(w)
		}
		return
	}

	if code == http.StatusPartialContent {
		body, ctype := partialBody(rep, ranges, h)
		rep = representation{contentType: []string{ctype}, body: body}
	}
	h["Content-Type"] = rep.contentType
	if rep.length != nil {
		h["Content-Length"] = rep.length
	} else {
		h["Content-Length"] = []string{strconv.Itoa(len(rep.body))}
	}
	body := rep.body
	w.WriteHeader(code)
	if r.Method == http.MethodHead {
		return
	}
	switch o.fault {
	case "close_after_headers":
		abortAfterFlush(w)
	case "truncate":
		w.Write(body[:len(body)/2])
		abortAfterFlush(w)
	case "dribble":
		dribble(w, r, body, o.sleep)
	default:
		w.Write(body)
	}
}

// challenge is the challenge /status/401 and /status/407 send. The
// default is Bearer (RFC 6750), the scheme of most APIs, because a
// browser shows its login dialog only for schemes it can answer itself
// (Basic, Digest, NTLM, Negotiate): a page that fetches /status/401 with
// Basic gets a dialog, and its fetch() waits until someone closes it.
// challenge=basic or challenge=digest asks for those all the same.
func challenge(scheme, realm string) string {
	switch scheme {
	case "basic":
		return `Basic realm="` + realm + `", charset="UTF-8"`
	case "digest":
		return `Digest realm="` + realm + `", qop="auth", algorithm=SHA-256, nonce="` + randomToken() + `", opaque="` + randomToken() + `"`
	}
	return `Bearer realm="` + realm + `"`
}

// randomToken is 128 random bits in URL-safe base64, for nonces.
func randomToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// preconditionsHold evaluates If-Match and If-None-Match for a 2xx
// answer as RFC 9110 §13.2.2 orders them, against the entity tag the
// answer carries (none when sendsETag is false: then only "*" matches).
// When one fails it answers (412, or 304 to GET and HEAD with the
// validators a 200 would carry) and returns false.
func (s *server) preconditionsHold(w http.ResponseWriter, r *http.Request, rep representation, sendsETag bool, o *statusOptions) bool {
	im, inm := r.Header.Values("If-Match"), r.Header.Values("If-None-Match")
	if len(im) == 0 && len(inm) == 0 {
		return true
	}
	etag, shown := "", "none"
	if sendsETag {
		etag, shown = rep.etag[0], rep.etag[0]
	}
	if len(im) > 0 {
		list := strings.Join(im, ",")
		if strings.TrimSpace(list) != "*" && (etag == "" || strings.HasPrefix(etag, "W/") || !etagListMatches(list, etag, false)) {
			s.fail(w, r, http.StatusPreconditionFailed, "If-Match %s does not match the current entity tag (%s)", clip(list), shown)
			return false
		}
	}
	if len(inm) > 0 {
		list := strings.Join(inm, ",")
		if strings.TrimSpace(list) == "*" || (etag != "" && etagListMatches(list, etag, true)) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				s.fail(w, r, http.StatusPreconditionFailed, "If-None-Match %s matches the current entity tag (%s)", clip(list), shown)
				return false
			}
			h := w.Header()
			if sendsETag {
				h["Etag"] = rep.etag
			}
			if rep.negotiated {
				h["Vary"] = varyAccept
			}
			for _, kv := range o.headers {
				switch textproto.CanonicalMIMEHeaderKey(kv[0]) {
				case "Cache-Control", "Expires", "Content-Location", "Vary":
					h.Add(kv[0], kv[1])
				}
			}
			w.WriteHeader(http.StatusNotModified)
			return false
		}
	}
	return true
}

// servedMeaning is the catalogue entry the test service acts out for
// code: the registered meaning, except for a number the registry only
// reserves because a well-known unofficial meaning uses it (418 is the
// teapot everywhere but in the registry).
func servedMeaning(code int) httpstatus.Status {
	entry, _ := httpstatus.Describe(code)
	if entry.Registry == httpstatus.Reserved && len(entry.Also) > 0 && code == http.StatusTeapot {
		return entry.Also[0]
	}
	return entry
}

// partialBody cuts the representation to the ranges: a single part with
// Content-Range, or multipart/byteranges for several (RFC 9110 §14.6).
func partialBody(rep representation, ranges []byteRange, h http.Header) ([]byte, string) {
	size := int64(len(rep.body))
	if len(ranges) == 1 {
		rg := ranges[0]
		h.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", rg.start, rg.end, size))
		return rep.body[rg.start : rg.end+1], rep.contentType[0]
	}
	h.Del("Content-Range")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, rg := range ranges {
		part, _ := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":  rep.contentType,
			"Content-Range": {fmt.Sprintf("bytes %d-%d/%d", rg.start, rg.end, size)},
		})
		part.Write(rep.body[rg.start : rg.end+1])
	}
	mw.Close()
	return buf.Bytes(), "multipart/byteranges; boundary=" + mw.Boundary()
}

// defaultHeader is the value the test service gives a header the
// catalogue marks required or recommended for code; "" for a header it
// has no sensible value for.
func (s *server) defaultHeader(name string, code int, r *http.Request, size int64, ranges []byteRange) string {
	switch textproto.CanonicalMIMEHeaderKey(name) {
	case "Location", "Content-Location":
		return "/status/200"
	case "Retry-After":
		return "5"
	case "Allow":
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			return "POST, OPTIONS"
		}
		return "GET, HEAD, OPTIONS"
	case "Upgrade":
		return "websocket"
	case "Content-Range":
		if code == http.StatusRequestedRangeNotSatisfiable {
			return fmt.Sprintf("bytes */%d", size)
		}
		if len(ranges) == 1 {
			return fmt.Sprintf("bytes %d-%d/%d", ranges[0].start, ranges[0].end, size)
		}
		return ""
	case "Accept-Ranges":
		return "bytes"
	case "Link":
		if code == http.StatusUnavailableForLegalReasons {
			return `<https://www.rfc-editor.org/rfc/rfc7725.html>; rel="blocked-by"`
		}
		return "</static/site.css>; rel=preload; as=style"
	case "Last-Modified":
		return "Mon, 02 Jan 2006 15:04:05 GMT"
	case "Cache-Control":
		return "no-cache"
	case "Vary":
		return "Accept"
	case "Expires":
		return time.Now().UTC().Add(time.Hour).Format(http.TimeFormat)
	case "Date":
		return "" // net/http always sends Date
	case "Connection":
		if code == http.StatusUpgradeRequired {
			return "Upgrade"
		}
		return "close"
	case "Accept", "Accept-Post", "Accept-Patch":
		return "application/json, text/plain"
	case "Accept-Encoding":
		return "identity"
	case "Upload-Draft-Interop-Version":
		return "6"
	case "Im":
		return "feed" // RFC 3229's instance-manipulation name for feed deltas
	case "Content-Type":
		return "" // set with the body
	}
	return ""
}

// defaultPage is the HTML default body: catalogue data only, never user
// input, escaped by html/template all the same.
var defaultPage = template.Must(template.New("status").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Code}} {{.Phrase}}</title></head>
<body><h1>{{.Code}} {{.Phrase}}</h1><p>{{.Summary}}</p><p><a href="/{{.Code}}">What {{.Code}} means, why you see it and how to fix it</a></p></body></html>
`))

// representationFor builds the body of a final response: the custom body
// when one was given, else the default chosen by content negotiation
// (JSON, HTML or plain text; type=json forces JSON).
func (s *server) representationFor(r *http.Request, code int, info *codeInfo, o *statusOptions) representation {
	if o.hasBody {
		h := fnv.New64a()
		h.Write(o.body)
		etag := []string{`W/"` + strconv.FormatUint(h.Sum64(), 36) + `"`}
		if o.bodyJSON {
			return representation{contentType: appJSON, body: o.body, etag: etag}
		}
		return representation{contentType: textPlain, body: o.body, etag: etag}
	}
	if o.typeJSON {
		return representation{contentType: appJSON, body: info.json, etag: info.etags[1]}
	}
	kind := "text/plain"
	if a := r.Header["Accept"]; len(a) > 0 && a[0] != "*/*" {
		if k := negotiate(strings.Join(a, ","), defaultOffers); k != "" {
			kind = k
		}
	}
	switch kind {
	case "application/json":
		return representation{contentType: appJSON, body: info.json, etag: info.etags[1], negotiated: true}
	case "text/html":
		return representation{contentType: textHTML, body: info.html, etag: info.etags[2], negotiated: true}
	}
	return representation{contentType: textPlain, body: info.text, length: info.textLen, etag: info.etags[0], negotiated: true}
}

// defaultOffers are the types of the default body, preferred first.
var defaultOffers = []string{"text/plain", "application/json", "text/html"}

// statusJSON is the default JSON body of the test service.
type statusJSON struct {
	Code    int      `json:"code"`
	Phrase  string   `json:"phrase"`
	Summary string   `json:"summary"`
	URL     string   `json:"url"`
	Choices []string `json:"choices,omitempty"`
}

func jsonBody(code int, entry httpstatus.Status) ([]byte, error) {
	v := statusJSON{Code: code, Phrase: entry.Phrase, Summary: entry.Summary, URL: "/" + strconv.Itoa(code)}
	if code == http.StatusMultipleChoices {
		v.Choices = []string{"/status/200?type=json", "/status/200?type=text"}
	}
	b, err := json.Marshal(v)
	return append(b, '\n'), err
}

// resetConnection makes the kernel send a TCP RST instead of a response.
func resetConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if l, ok := conn.(interface{ SetLinger(int) error }); ok {
		l.SetLinger(0) // *net.TCPConn, or the inspector's in-memory connection
	}
	conn.Close()
}

// abortAfterFlush sends what was written so far and drops the connection,
// the way a crashing server or proxy does.
func abortAfterFlush(w http.ResponseWriter) {
	http.NewResponseController(w).Flush()
	panic(http.ErrAbortHandler)
}

// dribble sends body in small pieces spread over d (2s when d is 0),
// stopping early when the client goes away.
func dribble(w http.ResponseWriter, r *http.Request, body []byte, d time.Duration) {
	if d <= 0 {
		d = 2 * time.Second
	}
	rc := http.NewResponseController(w)
	pieces := min(len(body), 20)
	step := d / time.Duration(max(pieces, 1))
	chunk := (len(body) + pieces - 1) / max(pieces, 1)
	for i := 0; i < len(body); i += chunk {
		if i > 0 {
			select {
			case <-time.After(step):
			case <-r.Context().Done():
				return
			}
		}
		w.Write(body[i:min(i+chunk, len(body))])
		rc.Flush()
	}
}
