package server

import (
	"errors"
	"fmt"
	"math"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/http/httpguts"
)

// maxChoices bounds a /status or /random list, so that one URL cannot make
// the server build a huge table.
const maxChoices = 100

// choice is one code of a /status list with its weight.
type choice struct {
	code   int
	weight float64
}

// parseCodes reads the {codes} of /status/{codes}: one code, a comma list
// ("200,500") or a weighted list in httpbin's syntax ("200:9,500:1",
// "200:0.9,500:0.1"); an entry without a weight weighs 1. Codes must be
// 100-599; weights finite and >= 0 with a positive sum; at most 100 entries.
func parseCodes(spec string) ([]choice, error) {
	if spec == "" {
		return nil, errors.New("no status code given: use /status/{code}, for example /status/404")
	}
	parts := strings.Split(spec, ",")
	if len(parts) > maxChoices {
		return nil, fmt.Errorf("%d codes in the list; at most %d are allowed", len(parts), maxChoices)
	}
	out := make([]choice, 0, len(parts))
	sum := 0.0
	for i, p := range parts {
		codeText, weightText, weighted := strings.Cut(p, ":")
		code, err := parseStatusCode(codeText)
		if err != nil {
			return nil, fmt.Errorf("entry %d of %q: %w", i+1, clip(spec), err)
		}
		w := 1.0
		if weighted {
			w, err = strconv.ParseFloat(weightText, 64)
			if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
				return nil, fmt.Errorf("entry %d of %q: weight %q is not a finite number", i+1, clip(spec), clip(weightText))
			}
			if w < 0 {
				return nil, fmt.Errorf("entry %d of %q: weight %s is negative; weights must be 0 or more", i+1, clip(spec), weightText)
			}
		}
		sum += w
		out = append(out, choice{code, w})
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil, fmt.Errorf("the weights of %q add up to %v; they must have a positive, finite sum", clip(spec), sum)
	}
	return out, nil
}

// parseStatusCode reads a three-digit status code in 100-599.
func parseStatusCode(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty code")
	}
	if len(s) != 3 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' {
		return 0, fmt.Errorf("%q is not a status code: status codes are three digits from 100 to 599", clip(s))
	}
	code, _ := strconv.Atoi(s)
	if code < 100 || code > 599 {
		return 0, fmt.Errorf("%d is outside the valid range of status codes, 100 to 599", code)
	}
	return code, nil
}

// parseCodeRanges reads the {list} of /random/{list}: codes and ranges,
// "200,201,500-504". Every code of the expansion is equally likely.
func parseCodeRanges(spec string) ([]choice, error) {
	if spec == "" {
		return nil, errors.New("no status codes given: use /random/{list}, for example /random/200,500-504")
	}
	parts := strings.Split(spec, ",")
	if len(parts) > maxChoices {
		return nil, fmt.Errorf("%d entries in the list; at most %d are allowed", len(parts), maxChoices)
	}
	var out []choice
	for i, p := range parts {
		lo, hi, isRange := strings.Cut(p, "-")
		from, err := parseStatusCode(lo)
		if err != nil {
			return nil, fmt.Errorf("entry %d of %q: %w", i+1, clip(spec), err)
		}
		to := from
		if isRange {
			if to, err = parseStatusCode(hi); err != nil {
				return nil, fmt.Errorf("entry %d of %q: %w", i+1, clip(spec), err)
			}
			if to < from {
				return nil, fmt.Errorf("entry %d of %q: range %d-%d runs backwards", i+1, clip(spec), from, to)
			}
		}
		for c := from; c <= to; c++ {
			out = append(out, choice{c, 1})
		}
	}
	return out, nil
}

// pick draws a code from the choices with probability proportional to
// weight. float must return a number in [0, 1).
func pick(choices []choice, float func() float64) int {
	if len(choices) == 1 {
		return choices[0].code
	}
	sum := 0.0
	for _, c := range choices {
		sum += c.weight
	}
	x := float() * sum
	for _, c := range choices {
		if x < c.weight {
			return c.code
		}
		x -= c.weight
	}
	// Rounding can leave x a hair above the last positive weight.
	for i := len(choices) - 1; i >= 0; i-- {
		if choices[i].weight > 0 {
			return choices[i].code
		}
	}
	return choices[0].code
}

// parseDelay reads a delay as milliseconds ("1500", httpstat.us style) or
// a Go duration ("1.5s", "250ms"), and rejects anything negative or over
// max rather than capping it silently.
func parseDelay(s string, max time.Duration) (time.Duration, error) {
	if s == "" {
		return 0, errors.New("empty delay: give milliseconds (1500) or a duration (1.5s)")
	}
	var d time.Duration
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil {
		if ms < 0 {
			return 0, fmt.Errorf("delay %s is negative", s)
		}
		if ms > int64(max/time.Millisecond) {
			return 0, fmt.Errorf("delay %sms is over the maximum %v", s, max)
		}
		d = time.Duration(ms) * time.Millisecond
	} else {
		d, err = time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("delay %q is neither milliseconds (1500) nor a duration (1.5s)", clip(s))
		}
		if d < 0 {
			return 0, fmt.Errorf("delay %s is negative", s)
		}
		if d > max {
			return 0, fmt.Errorf("delay %s is over the maximum %v", s, max)
		}
	}
	return d, nil
}

// forbiddenHeaders may not be set through header=: they frame the message
// (a wrong value would corrupt the connection), or they would turn the
// service into an open redirect or an HTML/download host for whatever a
// URL carries. Each maps to the reason given in the error.
var forbiddenHeaders = map[string]string{
	"Content-Length":         "it frames the message; the server computes it",
	"Transfer-Encoding":      "it frames the message; the server chooses it",
	"Connection":             "it is hop-by-hop and controls the connection",
	"Keep-Alive":             "it is hop-by-hop and controls the connection",
	"Proxy-Connection":       "it is hop-by-hop and controls the connection",
	"Te":                     "it is hop-by-hop",
	"Trailer":                "it frames the message",
	"Upgrade":                "it is hop-by-hop; use /status/101 for a protocol switch",
	"Content-Type":           "use type=text or type=json; bodies are never served as HTML",
	"Content-Encoding":       "the body is not encoded, so the header would corrupt it",
	"Content-Disposition":    "the service does not serve downloads of user-supplied content",
	"Location":               "use location=, which only allows relative URLs and allow-listed hosts",
	"Refresh":                "it redirects like Location; use location=",
	"X-Content-Type-Options": "the service always sends nosniff",
}

// maxHeaderParams bounds header= parameters; maxHeaderValue bounds each.
const (
	maxHeaderParams = 50
	maxHeaderValue  = 4096
)

// parseHeaderParam reads "Name:Value" (also "Name: Value") from header=.
func parseHeaderParam(s string) (name, value string, err error) {
	n, v, ok := strings.Cut(s, ":")
	if !ok {
		return "", "", fmt.Errorf("header %q has no colon: write header=Name:Value", clip(s))
	}
	return checkHeader(n, strings.TrimSpace(v))
}

// checkHeader validates a response header a client asked for.
func checkHeader(n, v string) (name, value string, err error) {
	if !httpguts.ValidHeaderFieldName(n) {
		return "", "", fmt.Errorf("header name %q is not a valid field name (letters, digits and !#$%%&'*+-.^_`|~ only)", clip(n))
	}
	name = textproto.CanonicalMIMEHeaderKey(n)
	if why, bad := forbiddenHeaders[name]; bad {
		return "", "", fmt.Errorf("header %s cannot be set: %s", name, why)
	}
	if len(v) > maxHeaderValue {
		return "", "", fmt.Errorf("header %s value is %d bytes; at most %d are allowed", name, len(v), maxHeaderValue)
	}
	if !httpguts.ValidHeaderFieldValue(v) {
		return "", "", fmt.Errorf("header %s value %q has characters a header cannot carry (CR, LF or other controls)", name, clip(v))
	}
	return name, v, nil
}

// byteRange is a satisfiable range of a representation, end inclusive.
type byteRange struct{ start, end int64 }

func (r byteRange) length() int64 { return r.end - r.start + 1 }

// errUnsatisfiable says a syntactically valid Range selects nothing.
var errUnsatisfiable = errors.New("range not satisfiable")

// parseRange reads a Range header for a representation of size bytes.
// It returns nil ranges (serve the whole representation) when the header
// is absent or not a byte range it understands, as RFC 9110 §14.2 lets a
// server ignore such a header, and when the ranges overlap so much that
// they add up to more than the representation; errUnsatisfiable when no
// range overlaps the representation. More than 16 ranges are refused as
// unsatisfiable too, to stop amplification.
func parseRange(header string, size int64) ([]byteRange, error) {
	if header == "" {
		return nil, nil
	}
	unit, spec, ok := strings.Cut(header, "=")
	if !ok || !strings.EqualFold(strings.TrimSpace(unit), "bytes") {
		return nil, nil
	}
	var out []byteRange
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		first, last, ok := strings.Cut(part, "-")
		if !ok {
			return nil, nil
		}
		var r byteRange
		switch {
		case first == "": // suffix: the last N bytes
			n, err := strconv.ParseInt(last, 10, 64)
			if err != nil || n < 0 {
				return nil, nil
			}
			if n == 0 || size == 0 {
				continue
			}
			r = byteRange{max(size-n, 0), size - 1}
		default:
			start, err := strconv.ParseInt(first, 10, 64)
			if err != nil || start < 0 {
				return nil, nil
			}
			end := size - 1
			if last != "" {
				if end, err = strconv.ParseInt(last, 10, 64); err != nil || end < start {
					return nil, nil
				}
			}
			if start >= size {
				continue
			}
			r = byteRange{start, min(end, size-1)}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errUnsatisfiable
	}
	if len(out) > 16 {
		return nil, errUnsatisfiable
	}
	// Ranges that add up to more than the representation overlap: sixteen
	// times "0-" would send it sixteen times over. RFC 9110 §14.2 lets a
	// server ignore such a set, as a broken client or an attack; the whole
	// representation is sent instead, once.
	total := int64(0)
	for _, r := range out {
		total += r.length()
	}
	if total > size {
		return nil, nil
	}
	return out, nil
}

// clip shortens user input quoted in an error message: at most 60 bytes,
// cut between two characters (a cut inside one would print as escapes).
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > max-utf8.UTFMax && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// maxQueryPairs is net/url's own bound: past it, URL.Query returns
// nothing at all.
const maxQueryPairs = 10000

// checkQuery reports the first pair of a raw query string that does not
// parse. net/url drops such pairs without a word (a ";" separator, a "%"
// not followed by two hex digits), which would make sleep=5s%zz answer at
// once; the middleware refuses them instead, so that nothing a client
// sends is silently ignored.
func checkQuery(raw string) error {
	if n := strings.Count(raw, "&") + 1; n > maxQueryPairs {
		return fmt.Errorf("the query string has %d parameters; at most %d are read", n, maxQueryPairs)
	}
	for pair := range strings.SplitSeq(raw, "&") {
		if strings.Contains(pair, ";") {
			return fmt.Errorf("the query string has a \";\" in %q: separate parameters with \"&\", and write a literal \";\" as %%3B", clip(pair))
		}
		key, value, _ := strings.Cut(pair, "=")
		for _, part := range []string{key, value} {
			if _, err := url.QueryUnescape(part); err != nil {
				return fmt.Errorf("the query string has a bad percent-escape in %q: \"%%\" must be followed by two hex digits (write a literal \"%%\" as %%25)", clip(pair))
			}
		}
	}
	return nil
}
