package lint

// Body classifiers: a 2xx body that says the request failed (softError), a
// body that leaks a stack trace or a database error (leak), and how alike two
// bodies are (pageSimilarity, for the soft-404 check).
//
// Every function here looks at no more than bodyScanLimit bytes of a body,
// works in time and memory linear in that, and never panics, whatever the
// input: nil, binary, invalid UTF-8, deeply nested JSON.

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bodyScanLimit is how much of a body the classifiers read.
const bodyScanLimit = 64 << 10

// bodyMaxQuoteBytes bounds the body text quoted in a Detail, and bodyMaxDetailBytes
// the whole Detail.
const (
	bodyMaxQuoteBytes  = 120
	bodyMaxDetailBytes = 200
)

// bodyVerdict is what a body classifier found.
type bodyVerdict struct {
	Kind   string // a short stable kind, listed below
	Detail string // the evidence, in plain words and a short quote (at most ~120 bytes of quoted body text, control characters and invalid UTF-8 replaced, so it is safe to print on a terminal line)
	Info   bool   // true when it is advice only (GraphQL errors), not a finding of failure
}

// ---------------------------------------------------------------------------
// softError

// softError reports whether the body of a 2xx response says the request failed.
//
// The body's format is taken from contentType, or sniffed from the body when
// the type is missing or generic; only the first 64 KiB are read.
//
// JSON (application/json, text/json, any +json type; or an empty, text/plain
// or text/html type whose body starts with "{" or "["): the body must be valid
// JSON (when it is longer than 64 KiB, only the members of the top-level
// object that end within the first 64 KiB are read). Only the top-level
// object is judged, with member names compared case-insensitively and with
// "_" and "-" ignored ("status_code" is "statusCode"). In this order:
//
//   - application/problem+json: "status-number" when its "status" is 400-599,
//     else "problem-json" (RFC 9457 problem details describe a failure).
//   - "success-false": "success" is false or "false".
//   - "ok-false": "ok" is false or "false".
//   - "status-error": "status", "result" or "outcome" is the string error,
//     failed, failure, fail or ko (any case).
//   - "status-number": "status", "statusCode" or "httpStatus" is a number or
//     numeric string 400-599 ("404" or "404 Not Found"); "code" 400-599 only
//     counts next to "message", "msg", "error", "detail" or "title", since a
//     bare "code" is often a product's own code.
//   - "error-object": "error", "errors", "err", "exception" or "fault" is a
//     non-empty string (other than none, null, ok, success, 0, false, no), a
//     non-empty object, an array with a non-empty element, or true. Skipped
//     when the body is GraphQL-shaped ("data" next to an "errors" array) or
//     declares success ("success"/"ok" true, "status" ok or success).
//   - "graphql-errors" (Info): a GraphQL-shaped body whose "errors" array is
//     not empty. Partial success is legitimate in GraphQL, so this is advice.
//
// HTML (text/html, application/xhtml+xml; or an untyped body starting with
// "<!doctype html" or "<html"): "html-error-title" when the <title> (or, when
// there is none, the first <h1>) reads as an error page. The title is split
// into segments at separators (| – — · • » : / and " - "), and into words.
// It is not an error page when any word says the page is about errors rather
// than one (what, how, fix, explained, reference, guide, handling, tutorial,
// mdn, wikipedia, "status code", ...). Otherwise a segment is "error-only"
// when all its words come from the vocabulary of error pages (not, found,
// page, internal, server, the, sorry, ...; numbers other than 400-599 are
// ignored) and it holds a strong sign: a 400-599 number, error, forbidden,
// unauthorized, denied, unavailable, oops, or a phrase such as "not found",
// "went wrong", "bad gateway". The title is flagged when the first segment
// is error-only and holds a 400-599 number ("404 Not Found | Shop", "Error
// 500", "HTTP Status 404 – Not Found"), or when the title is at most 60
// characters and the words of its error-only segments are at least half of
// its words ("Page not found – Acme", "Oops! Something went wrong").
//
// XML (text/xml, application/xml, application/soap+xml, any other +xml
// type but XHTML; or an untyped or text/plain body starting with "<?xml",
// "<soap" or an <Envelope> element): "soap-fault" when an element whose
// local name is exactly "Fault" appears (<soap:Fault>, <SOAP-ENV:Fault>,
// <Fault ...>); the detail quotes its faultstring (SOAP 1.1) or Reason Text
// (SOAP 1.2).
//
// A body typed as JSON that starts with "<" is sniffed as if it had no type
// (a proxy's HTML error page sent as application/json).
func softError(contentType string, body []byte) (bodyVerdict, bool) {
	mt := bodyMediaType(contentType)
	b, truncated := bodyCapBody(body)
	b = bodyTrimBOM(b)
	lead := bodyLeadingByte(b)

	isJSON := bodyIsJSONType(mt)
	if isJSON && lead == '<' {
		// A JSON type over markup: judge the markup for what it is.
		isJSON = false
		mt = ""
	}
	if !isJSON && (mt == "" || mt == "text/plain" || mt == "text/html") && (lead == '{' || lead == '[') {
		isJSON = true
	}
	switch {
	case isJSON:
		return bodyJSONSoftError(mt, b, truncated)
	case bodyIsHTMLBody(mt, b):
		return bodyHTMLSoftError(b)
	case bodyIsXMLBody(mt, b):
		return bodySoapSoftError(b)
	}
	return bodyVerdict{}, false
}

// bodyJSONMember is one member of a JSON object, in document order.
type bodyJSONMember struct {
	key  string // as written
	norm string // lower case, without "_" and "-"
	val  any
}

// bodyJSONTopLevel returns the members of the top-level object of b. A complete
// body must be valid JSON; a truncated one gives the members that end within
// it.
func bodyJSONTopLevel(b []byte, truncated bool) ([]bodyJSONMember, bool) {
	if !truncated && !json.Valid(b) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, false
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, false
	}
	var ms []bodyJSONMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		k, ok := tok.(string)
		if !ok {
			break
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			break
		}
		ms = append(ms, bodyJSONMember{key: k, norm: bodyNormKey(k), val: v})
	}
	return ms, true
}

// bodyNormKey folds ASCII letters to lower case and drops "_" and "-".
func bodyNormKey(k string) string {
	if len(k) > 64 {
		return "" // no name we look for is that long
	}
	var sb strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_' || c == '-':
		case 'A' <= c && c <= 'Z':
			sb.WriteByte(c + 'a' - 'A')
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func bodyJSONSoftError(mt string, b []byte, truncated bool) (bodyVerdict, bool) {
	ms, ok := bodyJSONTopLevel(b, truncated)
	if !ok {
		return bodyVerdict{}, false
	}
	has := func(names ...string) bool {
		for _, m := range ms {
			for _, n := range names {
				if m.norm == n {
					return true
				}
			}
		}
		return false
	}

	if mt == "application/problem+json" {
		for _, m := range ms {
			if m.norm == "status" {
				if code, ok := bodyHTTPCode(m.val); ok {
					return bodyStatusNumber(code, m.key), true
				}
			}
		}
		d := "the body is a problem+json document"
		for _, want := range []string{"title", "detail", "type"} {
			for _, m := range ms {
				if s, ok := m.val.(string); ok && m.norm == want && strings.TrimSpace(s) != "" {
					return bodyVerdict{Kind: "problem-json", Detail: bodyClampDetail(d + ": " + bodyQuote(s, bodyMaxQuoteBytes))}, true
				}
			}
		}
		return bodyVerdict{Kind: "problem-json", Detail: d}, true
	}

	declaresSuccess := false
	for _, m := range ms {
		switch m.norm {
		case "success", "ok":
			if bodyIsFalse(m.val) {
				return bodyVerdict{Kind: m.norm + "-false", Detail: bodyClampDetail("the body says " + bodyQuote(m.key, 40) + ": " + bodyJSONScalar(m.val))}, true
			}
			if bodyIsTrue(m.val) {
				declaresSuccess = true
			}
		}
	}
	for _, m := range ms {
		switch m.norm {
		case "status", "result", "outcome":
			s, ok := m.val.(string)
			if !ok {
				continue
			}
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "error", "failed", "failure", "fail", "ko":
				return bodyVerdict{Kind: "status-error", Detail: bodyClampDetail("the body says " + bodyQuote(m.key, 40) + ": " + bodyQuote(s, 60))}, true
			case "ok", "success", "succeeded", "successful":
				if m.norm == "status" {
					declaresSuccess = true
				}
			}
		}
	}
	companion := has("message", "msg", "error", "detail", "title")
	for _, m := range ms {
		switch m.norm {
		case "status", "statuscode", "httpstatus":
		case "code":
			if !companion {
				continue
			}
		default:
			continue
		}
		if code, ok := bodyHTTPCode(m.val); ok {
			return bodyStatusNumber(code, m.key), true
		}
	}

	graphQL := false
	var gqlErrors []any
	if has("data") {
		for _, m := range ms {
			if a, ok := m.val.([]any); ok && m.norm == "errors" {
				graphQL = true
				if len(a) > 0 && gqlErrors == nil {
					gqlErrors = a
				}
			}
		}
	}
	if !graphQL && !declaresSuccess {
		for _, m := range ms {
			switch m.norm {
			case "error", "errors", "err", "exception", "fault":
			default:
				continue
			}
			if !bodyMeaningfulError(m.val) {
				continue
			}
			if m.val == true {
				return bodyVerdict{Kind: "error-object", Detail: bodyClampDetail("the body says " + bodyQuote(m.key, 40) + ": true")}, true
			}
			d := "the body has a non-empty " + bodyQuote(m.key, 40) + " member"
			if msg := bodyErrorMessage(m.val); msg != "" {
				d += ": " + bodyQuote(msg, 100)
			}
			return bodyVerdict{Kind: "error-object", Detail: bodyClampDetail(d)}, true
		}
	}
	if len(gqlErrors) > 0 {
		n := len(gqlErrors)
		d := "the body is a GraphQL response with " + strconv.Itoa(n) + " error"
		if n != 1 {
			d += "s"
		}
		if msg := bodyErrorMessage(gqlErrors); msg != "" {
			d += ": " + bodyQuote(msg, 100)
		}
		return bodyVerdict{Kind: "graphql-errors", Detail: bodyClampDetail(d), Info: true}, true
	}
	return bodyVerdict{}, false
}

func bodyStatusNumber(code int, key string) bodyVerdict {
	return bodyVerdict{Kind: "status-number", Detail: bodyClampDetail("the body carries HTTP status " + strconv.Itoa(code) + " in " + bodyQuote(key, 40))}
}

func bodyIsFalse(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case string:
		return strings.EqualFold(strings.TrimSpace(x), "false")
	}
	return false
}

func bodyIsTrue(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return strings.EqualFold(strings.TrimSpace(x), "true")
	}
	return false
}

// bodyJSONScalar writes a boolean or a string the way the body had it.
func bodyJSONScalar(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case string:
		return bodyQuote(x, 40)
	}
	return "?"
}

// bodyHTTPCode reads an error status 400-599 from a JSON number, a numeric
// string, or a string that starts with three digits and a space
// ("404 Not Found").
func bodyHTTPCode(v any) (int, bool) {
	var f float64
	switch x := v.(type) {
	case json.Number:
		n, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return 0, false
		}
		f = n
	case string:
		s := strings.TrimSpace(x)
		if len(s) < 3 || !bodyIsDigits(s[:3]) || (len(s) > 3 && s[3] != ' ') {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:3])
		f = float64(n)
	default:
		return 0, false
	}
	if f != math.Trunc(f) || f < 400 || f > 599 {
		return 0, false
	}
	return int(f), true
}

func bodyIsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// bodyMeaningfulError reports whether the value of an "error"-like member says
// that something went wrong.
func bodyMeaningfulError(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return !bodyEmptyErrorString(x)
	case map[string]any:
		return len(x) > 0
	case []any:
		for _, e := range x {
			switch y := e.(type) {
			case nil:
			case bool:
				if y {
					return true
				}
			case string:
				if !bodyEmptyErrorString(y) {
					return true
				}
			case map[string]any:
				if len(y) > 0 {
					return true
				}
			case []any:
				if len(y) > 0 {
					return true
				}
			default:
				return true // a number: an error code
			}
		}
	}
	return false
}

func bodyEmptyErrorString(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "null", "nil", "ok", "success", "0", "false", "no":
		return true
	}
	return false
}

// bodyErrorMessage finds a human message in an error value: the string itself,
// a message-like member of an object, or that of an array's first element.
func bodyErrorMessage(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, want := range []string{"message", "msg", "detail", "description", "errordescription", "faultstring", "reason", "title", "error"} {
			for _, k := range keys {
				if s, ok := x[k].(string); ok && bodyNormKey(k) == want && strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s)
				}
			}
		}
	case []any:
		if len(x) > 0 {
			switch y := x[0].(type) {
			case string, map[string]any:
				return bodyErrorMessage(y)
			}
		}
	}
	return ""
}

// --- HTML

func bodyHTMLSoftError(b []byte) (bodyVerdict, bool) {
	low := bodyASCIILower(b)
	what := "title"
	t := bodyElementText(b, low, "title", false)
	if t == "" {
		what = "heading"
		t = bodyElementText(b, low, "h1", true)
	}
	if t == "" || !bodyErrorTitle(t) {
		return bodyVerdict{}, false
	}
	return bodyVerdict{Kind: "html-error-title", Detail: bodyClampDetail("the page " + what + " is " + bodyQuote(t, bodyMaxQuoteBytes))}, true
}

// bodyElementText returns the normalised text of the first element called name
// (given in lower case): entities decoded, whitespace collapsed, and, when
// stripTags is set, inner tags removed. At most 2 KiB of it are read.
func bodyElementText(b, low []byte, name string, stripTags bool) string {
	open := []byte("<" + name)
	from := 0
	for from < len(low) {
		i := bytes.Index(low[from:], open)
		if i < 0 {
			return ""
		}
		j := from + i + len(open)
		from = j
		if j >= len(low) || (low[j] != '>' && low[j] != '/' && !bodyIsSpaceByte(low[j])) {
			continue // <titlebar>, <h10>
		}
		gt := bytes.IndexByte(low[j:], '>')
		if gt < 0 {
			return ""
		}
		start := j + gt + 1
		n := bytes.Index(low[start:], []byte("</"+name))
		if n < 0 {
			n = len(low) - start
		}
		n = min(n, 2048)
		s := string(b[start : start+n])
		if stripTags {
			s = bodyReplaceTags(s, " ")
		}
		return bodyCollapseSpace(bodyDecodeEntities(s))
	}
	return ""
}

// bodyReplaceTags replaces each <...> in s with repl.
func bodyReplaceTags(s, repl string) string {
	var sb strings.Builder
	for {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:lt])
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			return sb.String()
		}
		sb.WriteString(repl)
		s = s[lt+gt+1:]
	}
}

// Words that make a title about errors rather than an error page.
var bodyTitleVeto = bodyWordSet(`what how why when fix fixing fixed fixes means meaning mean
	explained explain explaining explanation explainer reference guide guides handling handle
	handler handlers handled tutorial tutorials docs documentation list codes definition
	define understanding understand causes cause vs versus troubleshoot troubleshooting
	resolve resolving resolved solve solved solution solutions learn about faq wiki
	wikipedia rfc mdn tips tricks configuration configure config setup tool tools blog
	post article news podcast video course lesson chapter manual cheatsheet
	lyrics movie film song album book episode handbook common`)

// The vocabulary of error-page titles.
var bodyTitleVocab = bodyWordSet(`error errors not found page internal server access denied
	forbidden service unavailable temporarily temporary bad gateway timeout timed time out
	request requests too many something went wrong unauthorized unauthorised oops whoops
	sorry http https status the a an this that these has had have been is was we couldn
	could can cannot t s be find does doesn do exist exists no longer you your looking for
	were are method allowed gone unexpected unknown occurred invalid missing file resource
	url requested on of to it there here problem application app site website our end
	unable process conflict payload large unprocessable entity precondition failed
	required upgrade length media type unsupported range satisfiable expectation
	teapot i m locked dependency failure legal reasons header fields implemented variant
	negotiates insufficient storage loop detected extended network authentication proxy
	content misdirected early uh oh ouch hmm hm detailed fatal`)

// Strong signs of an error page: single words, and pairs of adjacent words.
var bodyTitleStrong = bodyWordSet(`error errors forbidden unauthorized unauthorised oops whoops unavailable denied`)

var bodyTitleStrongPairs = [][2]string{
	{"not", "found"}, {"went", "wrong"}, {"bad", "gateway"}, {"bad", "request"},
	{"gateway", "timeout"}, {"request", "timeout"}, {"timed", "out"}, {"not", "exist"},
	{"t", "exist"}, {"be", "found"},
}

func bodyWordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// bodyErrorTitle reports whether a page title (or heading) reads as the title of
// an error page; see softError for the heuristic.
func bodyErrorTitle(title string) bool {
	t := strings.ToLower(title)
	all := bodyTitleWords(t)
	for i, w := range all {
		if bodyTitleVeto[w] {
			return false
		}
		if w == "status" && i+1 < len(all) && (all[i+1] == "code" || all[i+1] == "codes") {
			return false
		}
	}
	t = strings.ReplaceAll(t, " - ", " | ")
	segs := strings.FieldsFunc(t, func(r rune) bool {
		switch r {
		case '|', '–', '—', '·', '•', '»', '«', ':', '/', '~':
			return true
		}
		return false
	})
	total, errWords := 0, 0
	anyErrorSeg, firstWithCode := false, false
	for si, seg := range segs {
		words := bodyTitleWords(seg)
		n, allVocab, strong, code := 0, true, false, false
		for i, w := range words {
			if bodyIsDigits(w) {
				if v, err := strconv.Atoi(w); err == nil && len(w) == 3 && v >= 400 && v <= 599 {
					n++
					code, strong = true, true
				}
				continue // other numbers are neutral
			}
			n++
			if !bodyTitleVocab[w] {
				allVocab = false
			}
			if bodyTitleStrong[w] {
				strong = true
			}
			if i+1 < len(words) {
				for _, p := range bodyTitleStrongPairs {
					if w == p[0] && words[i+1] == p[1] {
						strong = true
					}
				}
			}
		}
		total += n
		if n > 0 && allVocab && strong {
			anyErrorSeg = true
			errWords += n
			if si == 0 && code {
				firstWithCode = true
			}
		}
	}
	if !anyErrorSeg {
		return false
	}
	if firstWithCode {
		return true
	}
	return utf8.RuneCountInString(strings.TrimSpace(title)) <= 60 && errWords*2 >= total
}

// bodyTitleWords splits s into runs of letters and digits.
func bodyTitleWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// --- XML

func bodySoapSoftError(b []byte) (bodyVerdict, bool) {
	at := bodyFindElement(b, "Fault", 0)
	if at < 0 {
		return bodyVerdict{}, false
	}
	d := "the body holds a SOAP Fault"
	if msg := bodyFaultText(b[at:]); msg != "" {
		d += ": " + bodyQuote(msg, bodyMaxQuoteBytes)
	}
	return bodyVerdict{Kind: "soap-fault", Detail: bodyClampDetail(d)}, true
}

// bodyFaultText returns the SOAP 1.1 faultstring, or else the SOAP 1.2 Reason
// Text, found in b.
func bodyFaultText(b []byte) string {
	if i := bodyFindElement(b, "faultstring", 0); i >= 0 {
		return bodyElementContent(b, i)
	}
	if i := bodyFindElement(b, "Reason", 0); i >= 0 {
		if j := bodyFindElement(b, "Text", i+1); j >= 0 {
			return bodyElementContent(b, j)
		}
	}
	return ""
}

// bodyFindElement returns the offset of the first start tag at or after from
// whose local name is exactly local, with any namespace prefix: "<Fault",
// "<soap:Fault", followed by ">", "/" or whitespace. It returns -1 if none.
func bodyFindElement(b []byte, local string, from int) int {
	for from < len(b) {
		i := bytes.IndexByte(b[from:], '<')
		if i < 0 {
			return -1
		}
		at := from + i
		from = at + 1
		j := at + 1
		name := bodyXMLName(b[j:])
		if name == 0 {
			continue
		}
		k := j + name
		if k < len(b) && b[k] == ':' {
			if rest := bodyXMLName(b[k+1:]); rest > 0 {
				j, k = k+1, k+1+rest
			}
		}
		if string(b[j:k]) != local || k >= len(b) {
			continue
		}
		if c := b[k]; c == '>' || c == '/' || bodyIsSpaceByte(c) {
			return at
		}
	}
	return -1
}

// bodyXMLName returns the length of the (ASCII) XML name at the start of b,
// without colons.
func bodyXMLName(b []byte) int {
	n := 0
	for n < len(b) {
		c := b[n]
		if c == '_' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || n > 0 && (c == '-' || c == '.' || '0' <= c && c <= '9') {
			n++
			continue
		}
		break
	}
	return n
}

// bodyElementContent returns the text right after the start tag at b[at], up to
// the next tag (a CDATA section is read through), decoded and collapsed.
func bodyElementContent(b []byte, at int) string {
	gt := bytes.IndexByte(b[at:], '>')
	if gt < 0 {
		return ""
	}
	rest := b[at+gt+1:]
	rest = rest[:min(len(rest), 2048)]
	if s, ok := bytes.CutPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte("<![CDATA[")); ok {
		if end := bytes.Index(s, []byte("]]>")); end >= 0 {
			s = s[:end]
		}
		return bodyCollapseSpace(string(s))
	}
	if lt := bytes.IndexByte(rest, '<'); lt >= 0 {
		rest = rest[:lt]
	}
	return bodyCollapseSpace(bodyDecodeEntities(string(rest)))
}

// ---------------------------------------------------------------------------
// leak

// leak reports whether a body (of any status) carries a stack trace or a database error message.
//
// It reads the first 64 KiB of a text body (image, audio, video and font
// types are skipped, and so is a body whose first KiB is more than 10% NUL
// or control bytes other than tab, CR and LF). It searches three views of
// the body: the raw text; when the body is JSON, its string values decoded
// (a trace in a "trace" field written with \n escapes); and when it has
// markup, the text with tags removed (block tags become line breaks) and
// entities decoded (a Django or Express debug page). It wants strong
// evidence: a message only a database prints, or at least two frames of a
// stack trace, or a header line that only a runtime prints. The kinds, in
// the order they are tried:
//
//   - "sql-error": "You have an error in your SQL syntax", ORA-NNNNN:,
//     PG::...Error, Postgres "ERROR:  syntax error at or near" and
//     "relation/column ... does not exist", PDO SQLSTATE[XXXXX], SQL Server's
//     OLE DB and ODBC driver names, SqlException and "Unclosed quotation
//     mark", SQLite3::SQLException, sqlite3.OperationalError, SQLITE_ERROR,
//     psycopg2 errors, MySQL JDBC exceptions, java.sql.SQL...Exception:,
//     django.db.utils...Error, mysqli_sql_exception.
//   - "java-stack": two frames "at pkg.Class.method(File.java:42)" (also
//     Kotlin, Scala, Groovy, Native Method, and Tomcat's tab-indented frames
//     without "at"), or an 'Exception in thread "main"' line, or "Caused by: "
//     and a package-qualified exception class.
//   - "python-traceback": "Traceback (most recent call last):" followed by
//     a 'File "...", line N' line.
//   - "go-panic": "goroutine N [running]:" after a "panic: " (or "panic
//     serving", or "fatal error: ") line.
//   - "php-error": "PHP Fatal error:"/"PHP Parse error:"; or a Fatal error,
//     Warning, Parse error, Notice or Deprecated message on a line that ends
//     " in /path/file.php on line N" (or "file.php:N"); or "Stack trace:"
//     followed by "#0 /path/file.php(12): "; or a Laravel debug JSON dump
//     ("exception", "file" ending .php and a "trace" array).
//   - "dotnet-stack": ASP.NET's "Server Error in '/' Application"; or two
//     frames "at Namespace.Class.Method(args)" where one ends "in
//     file.cs:line N"; or a System....Exception with two such frames; or
//     "[XException: message]" with a frame.
//   - "node-stack": an "Error: ..." / "TypeError: ..." line followed by two
//     frames "    at fn (/path/file.js:12:34)" or "    at /path/file.js:12:34"
//     or "    at node:internal/...:1:2".
//   - "ruby-stack": two frames "app/models/user.rb:42:in `save'" (or with a
//     quote, as Ruby 3.4 writes them); or ActiveRecord::...Error/Invalid/
//     NotFound with a frame; or Rails' "Action Controller: Exception caught".
func leak(contentType string, body []byte) (bodyVerdict, bool) {
	mt := bodyMediaType(contentType)
	for _, p := range []string{"image/", "audio/", "video/", "font/"} {
		if strings.HasPrefix(mt, p) {
			return bodyVerdict{}, false
		}
	}
	b, _ := bodyCapBody(body)
	b = bodyTrimBOM(b)
	if len(b) == 0 || !bodyTextLike(b) {
		return bodyVerdict{}, false
	}
	// The decoded views come first: their quotes read better.
	raw := string(b)
	var views []string
	if lead := bodyLeadingByte(b); bodyIsJSONType(mt) || lead == '{' || lead == '[' || lead == '"' {
		if s := bodyJSONStrings(b); s != "" {
			views = append(views, s)
		}
	}
	if strings.ContainsAny(raw, "<&") {
		if s := bodyHTMLToText(raw); s != raw {
			views = append(views, s)
		}
	}
	views = append(views, raw)
	for _, d := range bodyLeakDetectors {
		for _, v := range views {
			if q, ok := d.find(v); ok {
				return bodyVerdict{Kind: d.kind, Detail: bodyClampDetail(d.label + ": " + bodyQuote(q, bodyMaxQuoteBytes))}, true
			}
		}
	}
	return bodyVerdict{}, false
}

// bodyTextLike reports whether no more than 10% of the first KiB of b are NUL
// or control bytes other than tab, CR and LF.
func bodyTextLike(b []byte) bool {
	head := b[:min(len(b), 1024)]
	bad := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f {
			bad++
		}
	}
	return bad*10 <= len(head)
}

// bodyJSONStrings returns the string tokens (names and values) of the JSON
// text b, one a line, as far as b is valid.
func bodyJSONStrings(b []byte) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	var sb strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if s, ok := tok.(string); ok {
			sb.WriteString(s)
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// Tags that do not break a line of text.
var bodyInlineTags = bodyWordSet(`a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp
	small span strong sub sup time tt u var wbr`)

// bodyHTMLToText removes tags from s (block tags become a line break) and decodes
// entities.
func bodyHTMLToText(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			sb.WriteString(s)
			break
		}
		sb.WriteString(s[:lt])
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			sb.WriteString(s[lt:])
			break
		}
		if !bodyInlineTags[bodyTagName(s[lt+1:lt+gt])] {
			sb.WriteByte('\n')
		}
		s = s[lt+gt+1:]
	}
	return bodyDecodeEntities(sb.String())
}

// bodyTagName returns the lower-case name of the tag whose inside is s.
func bodyTagName(s string) string {
	s = strings.TrimPrefix(s, "/")
	n := 0
	for n < len(s) && n < 16 && (bodyIsASCIILetter(s[n]) || n > 0 && '0' <= s[n] && s[n] <= '9') {
		n++
	}
	return strings.ToLower(s[:n])
}

type bodyLeakDetector struct {
	kind  string
	label string
	find  func(text string) (quoted string, ok bool)
}

var bodyLeakDetectors = []bodyLeakDetector{
	{"sql-error", "a database error message", bodyFindSQLError},
	{"java-stack", "a Java stack trace", bodyFindJavaStack},
	{"python-traceback", "a Python traceback", bodyFindPythonTraceback},
	{"go-panic", "a Go panic", bodyFindGoPanic},
	{"php-error", "a PHP error", bodyFindPHPError},
	{"dotnet-stack", "a .NET stack trace", bodyFindDotnetStack},
	{"node-stack", "a Node.js stack trace", bodyFindNodeStack},
	{"ruby-stack", "a Ruby backtrace", bodyFindRubyStack},
}

// A pattern is looked for only when its anchor is in the text; a nil re
// means the anchor alone is the pattern.
type bodyAnchoredPattern struct {
	anchor string
	re     *regexp.Regexp
}

func (p bodyAnchoredPattern) index(text string) int {
	i := strings.Index(text, p.anchor)
	if i < 0 || p.re == nil {
		return i
	}
	if loc := p.re.FindStringIndex(text); loc != nil {
		return loc[0]
	}
	return -1
}

var bodySqlPatterns = []bodyAnchoredPattern{
	{"You have an error in your SQL syntax", nil},
	{"ORA-", regexp.MustCompile(`\bORA-\d{5}:`)},
	{"PG::", regexp.MustCompile(`\bPG::[A-Z][A-Za-z]*(?:Error\b|: +ERROR: )`)},
	{"ERROR:", regexp.MustCompile(`ERROR: +(?:syntax error at or near "|relation "[^"\n]{1,200}" does not exist|column "[^"\n]{1,200}"(?: of relation "[^"\n]{1,200}")? does not exist)`)},
	{"SQLSTATE[", regexp.MustCompile(`SQLSTATE\[[0-9A-Z]{5}\]`)},
	{"Microsoft OLE DB Provider for SQL Server", nil},
	{"Microsoft OLE DB Provider for ODBC Drivers", nil},
	{"[Microsoft][ODBC SQL Server Driver]", nil},
	{"Unclosed quotation mark after the character string", nil},
	{"SqlClient.SqlException", regexp.MustCompile(`\b(?:System|Microsoft)\.Data\.SqlClient\.SqlException\b`)},
	{"SQLite3::SQLException", nil},
	{"sqlite3.OperationalError", nil},
	{"SQLITE_ERROR", nil},
	{"psycopg2.", regexp.MustCompile(`\bpsycopg2\.(?:errors\.[A-Za-z]+|OperationalError|ProgrammingError|IntegrityError|DataError)`)},
	{"mysql", regexp.MustCompile(`\bcom\.mysql\.(?:cj\.)?jdbc\.exceptions\b`)},
	{"java.sql.SQL", regexp.MustCompile(`\bjava\.sql\.SQL[A-Za-z]*Exception:`)},
	{"django.db.utils.", regexp.MustCompile(`\bdjango\.db\.utils\.[A-Za-z]*Error\b`)},
	{"mysqli_sql_exception", nil},
}

func bodyFindSQLError(text string) (string, bool) {
	for _, p := range bodySqlPatterns {
		if i := p.index(text); i >= 0 {
			return bodyLineAt(text, i), true
		}
	}
	return "", false
}

var (
	bodyJavaThreadRe = regexp.MustCompile(`Exception in thread "[^"\n]*" [\w$.]+`)
	bodyJavaCausedRe = regexp.MustCompile(`Caused by: [a-z][\w$]*(?:\.[\w$]+)*\.[A-Z][\w$]*(?:Exception|Error)\b`)
	bodyJavaFrameRe  = regexp.MustCompile(`(?m)^(?:[ \t]*at |\t)(?:[\w$.@-]*/)*[\w$]+(?:\.[\w$<>-]+)+\((?:[\w$.-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)`)
)

func bodyFindJavaStack(text string) (string, bool) {
	if strings.Contains(text, `Exception in thread "`) {
		if loc := bodyJavaThreadRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if strings.Contains(text, "Caused by: ") {
		if loc := bodyJavaCausedRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if !bodyContainsAny(text, ".java:", "(Native Method)", "(Unknown Source)", ".kt:", ".scala:", ".groovy:", ".clj:") {
		return "", false
	}
	locs := bodyJavaFrameRe.FindAllStringIndex(text, 2)
	if len(locs) < 2 {
		return "", false
	}
	if prev := bodyPreviousLine(text, locs[0][0]); bodyContainsAny(prev, "Exception", "Error", "Throwable") {
		return prev, true
	}
	return bodyLineAt(text, locs[0][0]), true
}

var bodyPyFileRe = regexp.MustCompile(`(?m)^[ \t]*File "[^"\n]+", line \d+[^\n]*`)

func bodyFindPythonTraceback(text string) (string, bool) {
	i := strings.Index(text, "Traceback (most recent call last):")
	if i < 0 {
		return "", false
	}
	win := text[i:min(len(text), i+16<<10)]
	locs := bodyPyFileRe.FindAllStringIndex(win, 256)
	if len(locs) == 0 || locs[0][0] > 2048 {
		return "", false
	}
	last := locs[len(locs)-1]
	return win[last[0]:last[1]], true
}

var bodyGoRoutineRe = regexp.MustCompile(`goroutine \d+ \[running\]:`)

func bodyFindGoPanic(text string) (string, bool) {
	if !strings.Contains(text, "goroutine ") {
		return "", false
	}
	loc := bodyGoRoutineRe.FindStringIndex(text)
	if loc == nil {
		return "", false
	}
	from := max(0, loc[0]-4096)
	look := text[from:loc[0]]
	p := -1
	for _, m := range []string{"panic: ", "panic serving ", "fatal error: "} {
		p = max(p, strings.LastIndex(look, m))
	}
	if p < 0 {
		return "", false
	}
	return bodyLineAt(text, from+p), true
}

var (
	bodyPhpPrefixedRe = regexp.MustCompile(`PHP (?:Fatal|Parse) error: `)
	bodyPhpMessageRe  = regexp.MustCompile(`(?:Fatal error|Warning|Parse error|Notice|Deprecated|Strict Standards|Catchable fatal error|Recoverable fatal error): +[^\n]*? in [^\n]*?\.php(?: on line \d+|:\d+)`)
	bodyPhpFrameRe    = regexp.MustCompile(`(?m)^[ \t]*#\d+ [^\n]*?\.php\(\d+\): `)
)

func bodyFindPHPError(text string) (string, bool) {
	if strings.Contains(text, "PHP ") {
		if loc := bodyPhpPrefixedRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if !strings.Contains(text, ".php") {
		return "", false
	}
	if loc := bodyPhpMessageRe.FindStringIndex(text); loc != nil {
		return bodyLineAt(text, loc[0]), true
	}
	if i := strings.Index(text, "Stack trace:"); i >= 0 {
		win := text[i:min(len(text), i+4096)]
		if loc := bodyPhpFrameRe.FindStringIndex(win); loc != nil {
			return bodyLineAt(win, loc[0]), true
		}
	}
	if strings.Contains(text, `"exception"`) && strings.Contains(text, `"trace"`) {
		if q, ok := bodyLaravelDump(text); ok {
			return q, true
		}
	}
	return "", false
}

var (
	bodyYsodRe       = regexp.MustCompile(`Server Error in '[^'\n]*' Application`)
	bodyNetFrameRe   = regexp.MustCompile(`(?m)^[ \t]*at [\w.` + "`" + `<>\[\],|+$-]+\([^()\n]*\)(?: in [^\n]*?:line \d+)?`)
	bodyNetExcRe     = regexp.MustCompile(`\bSystem\.[\w.]*Exception\b`)
	bodyNetBracketRe = regexp.MustCompile(`\[[A-Za-z.]*Exception: [^\]\n]*\]`)
	bodyYsodFrameRe  = regexp.MustCompile(`(?m)^[ \t]*[\w.` + "`" + `<>]+\.[\w<>` + "`" + `]+\([^()\n]*\) \+\d+`)
)

const bodyNetLineSuffix = ":line "

func bodyFindDotnetStack(text string) (string, bool) {
	if strings.Contains(text, "Server Error in '") {
		if loc := bodyYsodRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if !strings.Contains(text, "Exception") && !strings.Contains(text, bodyNetLineSuffix) {
		return "", false
	}
	frames := bodyNetFrameRe.FindAllStringIndex(text, 64)
	if len(frames) >= 2 {
		for _, f := range frames {
			if strings.Contains(text[f[0]:f[1]], bodyNetLineSuffix) {
				return bodyLineAt(text, f[0]), true
			}
		}
		if loc := bodyNetExcRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if loc := bodyNetBracketRe.FindStringIndex(text); loc != nil && (len(frames) > 0 || bodyYsodFrameRe.MatchString(text)) {
		return bodyLineAt(text, loc[0]), true
	}
	return "", false
}

var (
	bodyNodeErrorRe = regexp.MustCompile(`(?m)^[ \t]*(?:Uncaught )?(?:[A-Z][A-Za-z]*)?Error(?: \[[A-Z0-9_]+\])?: [^\n]*`)
	bodyNodeFrameRe = regexp.MustCompile(`(?m)^[ \t]+at (?:async )?(?:[^\n()]*? \()?[^\s()]+:\d+:\d+\)?[ \t]*\r?$`)
)

func bodyFindNodeStack(text string) (string, bool) {
	if !strings.Contains(text, "Error") || !strings.Contains(text, "at ") {
		return "", false
	}
	for _, loc := range bodyNodeErrorRe.FindAllStringIndex(text, 8) {
		win := text[loc[1]:min(len(text), loc[1]+8192)]
		if len(bodyNodeFrameRe.FindAllStringIndex(win, 2)) == 2 {
			return bodyLineAt(text, loc[0]), true
		}
	}
	return "", false
}

var (
	bodyRubyFrameRe = regexp.MustCompile(`[\w./@~-]*\.rb:\d+:in [` + "`" + `']`)
	bodyRubyARRe    = regexp.MustCompile(`ActiveRecord::[A-Za-z]*(?:Error|Invalid|NotFound)\b`)
)

func bodyFindRubyStack(text string) (string, bool) {
	if i := strings.Index(text, "Action Controller: Exception caught"); i >= 0 {
		return bodyLineAt(text, i), true
	}
	if !strings.Contains(text, ".rb:") {
		return "", false
	}
	frames := bodyRubyFrameRe.FindAllStringIndex(text, 2)
	if len(frames) == 0 {
		return "", false
	}
	if strings.Contains(text, "ActiveRecord::") {
		if loc := bodyRubyARRe.FindStringIndex(text); loc != nil {
			return bodyLineAt(text, loc[0]), true
		}
	}
	if len(frames) < 2 {
		return "", false
	}
	return bodyLineAt(text, frames[0][0]), true
}

// bodyLaravelDump recognises the JSON a Laravel application in debug mode
// sends for an exception: a string "exception", a "file" ending in .php and
// a "trace" array. It quotes the exception and its message.
func bodyLaravelDump(text string) (string, bool) {
	ms, ok := bodyJSONTopLevel([]byte(text), true)
	if !ok {
		return "", false
	}
	var exc, msg string
	file, trace := false, false
	for _, m := range ms {
		switch x := m.val.(type) {
		case string:
			switch m.key {
			case "exception":
				exc = x
			case "message":
				msg = x
			case "file":
				file = strings.HasSuffix(x, ".php")
			}
		case []any:
			trace = trace || m.key == "trace"
		}
	}
	if exc == "" || !file || !trace {
		return "", false
	}
	if msg != "" {
		exc += ": " + msg
	}
	return exc, true
}

// bodyLineAt returns the line of text holding offset i, starting at i when the
// line starts far before it, and cut at 400 bytes.
func bodyLineAt(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	if i-start > 40 {
		start = i
	}
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 || end > 400 {
		end = min(len(text)-i, 400)
	}
	return text[start : i+end]
}

// bodyPreviousLine returns the line before the one holding offset i.
func bodyPreviousLine(text string, i int) string {
	ls := strings.LastIndexByte(text[:i], '\n')
	if ls <= 0 {
		return ""
	}
	ps := strings.LastIndexByte(text[:ls], '\n') + 1
	if ls-ps > 300 {
		return "" // a long line, likely markup: no telling quote
	}
	return text[ps:ls]
}

func bodyContainsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// pageSimilarity

// pageSimilarity says how alike two response bodies are, from 0 (nothing shared) to 1 (the same), for the soft-404 check: the body of a page and the body the same site returns for a random, surely non-existent sibling URL.
//
// The caller treats a similarity of 0.9 or more as "the same page".
//
// Only the first 64 KiB of each body count. Equal bodies (two empty ones
// too) are 1; an empty body and a non-empty one are 0. Otherwise each body
// is cut into chunks at white space and at the punctuation of markup and
// JSON (< > " ' ` = ( ) , ; [ ] { }), and each chunk into words: runs of
// letters and digits, lower-cased. Words longer than 40 characters are
// dropped, and so are words holding a digit; a chunk of at most 512 bytes
// that holds a "/" or a "\" (a path or a URL), or one of at most 64 bytes
// that holds a digit (an ID, a timestamp, a random slug), counts as one
// placeholder word instead.
// So a reflected path or URL, a timestamp or a request ID does not tell two
// renderings of one page apart. The result is the Jaccard similarity of the
// two sets of 3-word shingles, each hashed with FNV-1a to a uint64. When
// either body has fewer than three words, single words are compared
// instead; when neither has any word, byte trigrams are. The work is linear
// in the (capped) input.
func pageSimilarity(a, b []byte) float64 {
	a, _ = bodyCapBody(a)
	b, _ = bodyCapBody(b)
	if bytes.Equal(a, b) {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	ta, tb := bodyPageWords(a), bodyPageWords(b)
	var sa, sb map[uint64]struct{}
	switch {
	case len(ta) == 0 && len(tb) == 0:
		sa, sb = bodyByteTrigrams(a), bodyByteTrigrams(b)
	case len(ta) < 3 || len(tb) < 3:
		sa, sb = bodyHashSet(ta), bodyHashSet(tb)
	default:
		sa, sb = bodyShingles(ta), bodyShingles(tb)
	}
	return bodyJaccard(sa, sb)
}

// bodyPageWords returns the FNV-1a hashes of the words of b, as pageSimilarity
// defines them.
func bodyPageWords(b []byte) []uint64 {
	h := fnv.New64a()
	h.Write([]byte("\x00noise"))
	noise := h.Sum64()
	var words []uint64
	var buf []byte
	for i := 0; i < len(b); {
		if bodyChunkDelim(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && !bodyChunkDelim(b[j]) {
			j++
		}
		chunk := b[i:j]
		i = j
		if len(chunk) <= 512 && bytes.ContainsAny(chunk, "/\\") {
			words = append(words, noise)
			continue
		}
		first, digit := len(words), false
		for k := 0; k < len(chunk); {
			// One word: a run of letters and digits.
			buf = buf[:0]
			runes, hasDigit := 0, false
			for k < len(chunk) {
				r, size := utf8.DecodeRune(chunk[k:])
				if r == utf8.RuneError && size <= 1 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					k += size
					break
				}
				k += size
				hasDigit = hasDigit || unicode.IsDigit(r)
				runes++
				if runes <= 40 {
					buf = utf8.AppendRune(buf, unicode.ToLower(r))
				}
			}
			digit = digit || hasDigit
			if runes > 0 && runes <= 40 && !hasDigit {
				h.Reset()
				h.Write(buf)
				words = append(words, h.Sum64())
			}
		}
		if digit && len(chunk) <= 64 {
			words = append(words[:first], noise)
		}
	}
	return words
}

// bodyChunkDelim reports whether c separates the chunks of a body: white
// space and the punctuation of markup and JSON.
func bodyChunkDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '"', '\'', '`', '=', '(', ')', ',', ';', '[', ']', '{', '}':
		return true
	}
	return false
}

func bodyHashSet(words []uint64) map[uint64]struct{} {
	s := make(map[uint64]struct{}, len(words))
	for _, w := range words {
		s[w] = struct{}{}
	}
	return s
}

// bodyShingles hashes each run of three consecutive words.
func bodyShingles(words []uint64) map[uint64]struct{} {
	h := fnv.New64a()
	s := make(map[uint64]struct{}, len(words))
	var buf [24]byte
	for i := 0; i+3 <= len(words); i++ {
		for j := 0; j < 3; j++ {
			w := words[i+j]
			for k := 0; k < 8; k++ {
				buf[j*8+k] = byte(w >> (8 * k))
			}
		}
		h.Reset()
		h.Write(buf[:])
		s[h.Sum64()] = struct{}{}
	}
	return s
}

func bodyByteTrigrams(b []byte) map[uint64]struct{} {
	s := make(map[uint64]struct{})
	for i := 0; i+3 <= len(b); i++ {
		s[uint64(b[i])<<16|uint64(b[i+1])<<8|uint64(b[i+2])] = struct{}{}
	}
	return s
}

func bodyJaccard(a, b map[uint64]struct{}) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// ---------------------------------------------------------------------------
// helpers

// bodyCapBody returns the first bodyScanLimit bytes of b, and whether it cut.
func bodyCapBody(b []byte) ([]byte, bool) {
	if len(b) > bodyScanLimit {
		return b[:bodyScanLimit], true
	}
	return b, false
}

// bodyMediaType returns the lower-case media type of a Content-Type value,
// without parameters.
func bodyMediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

func bodyIsJSONType(mt string) bool {
	return mt == "application/json" || mt == "text/json" || mt == "application/x-json" || strings.HasSuffix(mt, "+json")
}

func bodyIsHTMLBody(mt string, b []byte) bool {
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "":
		head := bodyASCIILower(b[:min(len(b), 1024)])
		if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
			return true
		}
		// An XHTML document with an XML declaration.
		return bytes.HasPrefix(head, []byte("<?xml")) && bytes.Contains(head, []byte("<html"))
	}
	return false
}

func bodyIsXMLBody(mt string, b []byte) bool {
	switch mt {
	case "text/xml", "application/xml", "application/soap+xml":
		return true
	case "", "text/plain":
		head := bodyASCIILower(b[:min(len(b), 16)])
		return bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<soap")) || bodyFindElement(b[:min(len(b), 64)], "Envelope", 0) == 0
	}
	return strings.HasSuffix(mt, "+xml") && mt != "application/xhtml+xml"
}

// bodyTrimBOM drops a UTF-8 byte order mark, and bodyLeadingByte returns the first
// byte that is not ASCII whitespace (0 if none).
func bodyTrimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

func bodyLeadingByte(b []byte) byte {
	for _, c := range b {
		if !bodyIsSpaceByte(c) {
			return c
		}
	}
	return 0
}

func bodyIsSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func bodyIsASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// bodyASCIILower returns a copy of b with ASCII letters in lower case; offsets
// stay the same.
func bodyASCIILower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// bodyCollapseSpace trims s and turns each run of white space into one space.
func bodyCollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// bodyDecodeEntities decodes the common named HTML entities and numeric ones;
// others are left as written.
func bodyDecodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for {
		amp := strings.IndexByte(s, '&')
		if amp < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:amp])
		s = s[amp:]
		semi := strings.IndexByte(s[:min(len(s), 12)], ';')
		if semi > 1 {
			if r, ok := bodyEntityRune(s[1:semi]); ok {
				sb.WriteRune(r)
				s = s[semi+1:]
				continue
			}
		}
		sb.WriteByte('&')
		s = s[1:]
	}
}

func bodyEntityRune(name string) (rune, bool) {
	switch name {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	case "nbsp":
		return ' ', true
	case "ndash":
		return '–', true
	case "mdash":
		return '—', true
	case "middot":
		return '·', true
	case "raquo":
		return '»', true
	case "laquo":
		return '«', true
	case "bull":
		return '•', true
	case "hellip":
		return '…', true
	}
	if name[0] != '#' {
		return 0, false
	}
	num, base := name[1:], 10
	if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
		num, base = num[1:], 16
	}
	if num == "" || num[0] == '+' || num[0] == '-' {
		return 0, false
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	if n == 0 || n > unicode.MaxRune || !utf8.ValidRune(r) {
		return utf8.RuneError, true
	}
	return r, true
}

// bodyQuote returns s in double quotes, safe for one terminal line: white space
// runs become one space, control and format characters and invalid UTF-8
// become U+FFFD, `"` and `\` are escaped, and at most limit bytes of text are
// kept (then "…" marks the cut).
func bodyQuote(s string, limit int) string {
	var sb strings.Builder
	sb.WriteByte('"')
	n, space := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			space = n > 0
			continue
		}
		var piece string
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			piece = "\uFFFD"
		case r == '"':
			piece = `\"`
		case r == '\\':
			piece = `\\`
		default:
			piece = s[i-size : i]
		}
		need := len(piece)
		if space {
			need++
		}
		if n+need > limit {
			sb.WriteString("…")
			break
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteString(piece)
		n += need
	}
	sb.WriteByte('"')
	return sb.String()
}

// bodyClampDetail cuts a Detail to bodyMaxDetailBytes at a character boundary.
func bodyClampDetail(s string) string {
	if len(s) <= bodyMaxDetailBytes {
		return s
	}
	cut := bodyMaxDetailBytes - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
