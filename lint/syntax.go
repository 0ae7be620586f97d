package lint

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// now is the clock Retry-After dates are compared with when a response
// has no Date; tests replace it.
var now = time.Now

// checkRetryAfter checks Retry-After: delay-seconds or an HTTP date, and
// a date not already past.
func checkRetryAfter(c *checker, r *Response, vs []string) {
	if len(vs) > 1 {
		c.reportOn(r, "retry-after-invalid", fmt.Sprintf("Retry-After is sent %d times; send it once", len(vs)))
		return
	}
	v := strings.TrimSpace(vs[0])
	if v != "" && strings.Trim(v, "0123456789") == "" {
		return // delay-seconds
	}
	when, err := http.ParseTime(v)
	if err != nil {
		c.reportOn(r, "retry-after-invalid", fmt.Sprintf("Retry-After %s is neither a number of seconds nor an HTTP date; send seconds (Retry-After: 120) or an IMF-fixdate (Retry-After: Wed, 21 Oct 2026 07:28:00 GMT)", quoteValue(v)))
		return
	}
	ref, basis := now(), "now"
	if d, err := http.ParseTime(get(r.Header, "Date")); err == nil {
		ref, basis = d, "the response's Date"
	}
	if when.Before(ref.Add(-time.Second)) {
		c.reportOn(r, "retry-after-past", fmt.Sprintf("Retry-After %s is %s before %s, so clients retry at once; give a time to come, or seconds", quoteValue(v), ref.Sub(when).Round(time.Second), basis))
	}
}

// contentRangeProblem says what is wrong with a Content-Range on a 206
// (bytes first-last/complete) or a 416 (bytes */complete); "" when
// nothing is, or when the unit is not bytes (other units are opaque).
func contentRangeProblem(v string, code int) string {
	unit, rest, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok {
		return fmt.Sprintf("Content-Range %s has no range after its unit", quoteValue(v))
	}
	if !strings.EqualFold(unit, "bytes") {
		return ""
	}
	rng, complete, ok := strings.Cut(rest, "/")
	if !ok {
		return fmt.Sprintf("Content-Range %s lacks the /complete-length part", quoteValue(v))
	}
	size := int64(-1)
	if complete != "*" {
		n, err := strconv.ParseInt(complete, 10, 64)
		if err != nil || n < 0 {
			return fmt.Sprintf("Content-Range %s: %s is not a length", quoteValue(v), quoteValue(complete))
		}
		size = n
	}
	if code == 416 {
		if rng != "*" || size < 0 {
			return fmt.Sprintf("a 416 says the current length as Content-Range: bytes */N, and %s is not that form", quoteValue(v))
		}
		return ""
	}
	a, b, ok := strings.Cut(rng, "-")
	first, err1 := strconv.ParseInt(a, 10, 64)
	last, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || err1 != nil || err2 != nil || first < 0 || last < first || size >= 0 && last >= size {
		return fmt.Sprintf("Content-Range %s is not bytes first-last/length with first ≤ last < length", quoteValue(v))
	}
	return ""
}

// isTchar reports whether b may appear in a token (RFC 9110 §5.6.2).
func isTchar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", b) >= 0
}

// challengeProblem says what is wrong with a WWW-Authenticate or
// Proxy-Authenticate value (RFC 9110 §11.6.1): a comma-separated list of
// challenges, each an auth-scheme followed by a token68 or a list of
// auth-params (name=token or name="quoted string"); "" when it is valid.
// Empty list elements are allowed, as everywhere in HTTP lists.
func challengeProblem(v string) string {
	s := challengeScanner{s: v}
	challenges := 0
	for {
		s.skipSpaceAndCommas()
		if s.done() {
			break
		}
		scheme := s.token()
		if scheme == "" {
			return fmt.Sprintf("expected an auth-scheme at byte %d", s.i+1)
		}
		challenges++
		if s.done() || s.peek() == ',' {
			continue // a scheme alone
		}
		if !s.skipSpace() {
			return fmt.Sprintf("expected a space after the scheme %q", scheme)
		}
		// A token68 (a token, then only '=' padding) or auth-params.
		save := s.i
		t := s.token68()
		s.skipOWS()
		if t != "" && (s.done() || s.peek() == ',') {
			continue
		}
		s.i = save
		for {
			name := s.token()
			if name == "" {
				return fmt.Sprintf("expected a parameter name at byte %d", s.i+1)
			}
			s.skipOWS()
			if s.done() || s.peek() != '=' {
				return fmt.Sprintf("the parameter %q has no value", name)
			}
			s.i++
			s.skipOWS()
			if !s.done() && s.peek() == '"' {
				if !s.quoted() {
					return fmt.Sprintf("the value of %q is a quoted string that does not end", name)
				}
			} else if s.token() == "" {
				return fmt.Sprintf("the value of %q is empty or not a token; quote it", name)
			}
			s.skipOWS()
			if s.done() {
				break
			}
			if s.peek() != ',' {
				return fmt.Sprintf("unexpected %q at byte %d", s.peek(), s.i+1)
			}
			for !s.done() && (s.peek() == ',' || s.peek() == ' ' || s.peek() == '\t') {
				s.i++
			}
			if s.done() || s.isNextChallenge() {
				break
			}
		}
	}
	if challenges == 0 {
		return "it holds no challenge"
	}
	return ""
}

// challengeScanner walks a challenge list.
type challengeScanner struct {
	s string
	i int
}

func (s *challengeScanner) done() bool { return s.i >= len(s.s) }
func (s *challengeScanner) peek() byte { return s.s[s.i] }

func (s *challengeScanner) token() string {
	start := s.i
	for !s.done() && isTchar(s.peek()) {
		s.i++
	}
	return s.s[start:s.i]
}

// token68 reads a token68: letters, digits and -._~+/ then '=' padding.
func (s *challengeScanner) token68() string {
	start := s.i
	for !s.done() && (isTchar(s.peek()) && s.peek() != '=' || s.peek() == '/') {
		s.i++
	}
	for !s.done() && s.peek() == '=' {
		s.i++
	}
	return s.s[start:s.i]
}

func (s *challengeScanner) skipSpace() bool {
	start := s.i
	for !s.done() && s.peek() == ' ' {
		s.i++
	}
	return s.i > start
}

func (s *challengeScanner) skipOWS() {
	for !s.done() && (s.peek() == ' ' || s.peek() == '\t') {
		s.i++
	}
}

func (s *challengeScanner) skipSpaceAndCommas() {
	for !s.done() && (s.peek() == ' ' || s.peek() == '\t' || s.peek() == ',') {
		s.i++
	}
}

// quoted reads a quoted string; false when it does not end.
func (s *challengeScanner) quoted() bool {
	s.i++ // the opening quote
	for !s.done() {
		switch s.peek() {
		case '\\':
			s.i += 2
			continue
		case '"':
			s.i++
			return true
		}
		s.i++
	}
	return false
}

// isNextChallenge reports whether, after a comma, a new challenge starts:
// a token not followed by '=' (that would be the next auth-param).
func (s *challengeScanner) isNextChallenge() bool {
	j := s.i
	for j < len(s.s) && isTchar(s.s[j]) {
		j++
	}
	k := j
	for k < len(s.s) && (s.s[k] == ' ' || s.s[k] == '\t') {
		k++
	}
	if j == s.i {
		return false
	}
	if k < len(s.s) && s.s[k] == '=' {
		// "name=" is a parameter, unless it is a token68 ending in '='
		// padding; a parameter is the likelier reading.
		return false
	}
	return true
}

// locationProblem says what keeps a Location value from being a URI
// reference (RFC 3986): spaces, control bytes, raw non-ASCII, a broken
// percent escape; "" when it is one.
func locationProblem(v string) string {
	if strings.TrimSpace(v) == "" {
		return "it is empty; give the URL to go to"
	}
	for i := 0; i < len(v); i++ {
		b := v[i]
		switch {
		case b == ' ':
			return "it contains a space; percent-encode it as %20"
		case b < 0x20 || b == 0x7f:
			return fmt.Sprintf("it contains the control byte 0x%02x", b)
		case b >= 0x80:
			if r, _ := utf8.DecodeRuneInString(v[i:]); r == utf8.RuneError {
				return "it contains bytes that are not UTF-8"
			}
			return "it contains raw non-ASCII characters; percent-encode them (most browsers cope, other clients do not)"
		case b == '%':
			if i+2 >= len(v) || !isHex(v[i+1]) || !isHex(v[i+2]) {
				return "it has a % that does not start a %XX escape"
			}
		case strings.IndexByte(`"<>\^{|}`+"`", b) >= 0:
			return fmt.Sprintf("it contains %q, which a URI must percent-encode", b)
		}
	}
	if _, err := url.Parse(v); err != nil {
		return strings.TrimPrefix(err.Error(), "parse "+strconv.Quote(v)+": ")
	}
	return ""
}

func isHex(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
}
