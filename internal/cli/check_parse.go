package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"golang.org/x/net/http/httpguts"
)

// This file holds the parsers of 'httpstatus check': URL lines, --expect
// specs, -H fields and Retry-After values. Each one takes a string and
// returns a value or an error that is one printable line, and each has a
// fuzz target.

// maxLineBytes bounds an input line, beyond which the rest of the line
// is skipped and the line reported.
const maxLineBytes = 16 << 10

// parseTarget reads one URL to check with the engine's rules
// (exchange.ParseTarget: http and https only, a host, no credentials; a
// URL without a scheme gets http:// for localhost and loopback addresses,
// https:// otherwise). assumed names the scheme added, "" when there was
// one.
func parseTarget(s string) (u *url.URL, assumed string, err error) {
	u, note, err := exchange.ParseTarget(s)
	if err != nil {
		return nil, "", err
	}
	if note != "" {
		assumed = u.Scheme
	}
	return u, assumed, nil
}

// lineReader reads input one line at a time in constant memory: a line
// longer than maxLineBytes is reported as such, and the rest of it is
// skipped rather than kept.
type lineReader struct {
	br *bufio.Reader
	n  int // lines read
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, maxLineBytes)}
}

// next returns the next line without its line end. tooLong says the line
// was longer than maxLineBytes (line then holds its start). err is io.EOF
// after the last line.
func (r *lineReader) next() (line string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.br.ReadSlice('\n')
		if len(buf) < maxLineBytes {
			buf = append(buf, chunk[:min(len(chunk), maxLineBytes-len(buf))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			tooLong = true
			continue
		}
		if err != nil && (err != io.EOF || len(buf) == 0 && !tooLong) {
			return "", false, err
		}
		r.n++
		line = strings.TrimRight(string(buf), "\r\n")
		if r.n == 1 {
			line = strings.TrimPrefix(line, "\ufeff") // a byte order mark
		}
		return line, tooLong, nil
	}
}

// skipLine reports whether a line of input holds no URL: blank, or a
// comment starting with #.
func skipLine(line string) bool {
	line = strings.TrimSpace(line)
	return line == "" || line[0] == '#'
}

// expectation is what --expect accepts as the final status of a check.
// The zero value is the default: any answer below 400.
type expectation struct {
	spec   string   // as given, normalised ("" for the default)
	ranges [][2]int // inclusive; 0-0 is "no answer" (000)
}

// parseExpect reads --expect: a comma list of codes (301), classes (2xx)
// and ranges (500-504), and 000 for "no answer".
func parseExpect(s string) (expectation, error) {
	bad := func(item, why string) (expectation, error) {
		return expectation{}, fmt.Errorf("--expect %s: %s", quoteClip(item), why)
	}
	if strings.TrimSpace(s) == "" {
		return bad(s, "give codes (301), classes (2xx) or ranges (500-504), separated by commas")
	}
	var x expectation
	var norm []string
	for _, item := range strings.Split(s, ",") {
		it := strings.TrimSpace(item)
		if it == "" {
			return bad(s, "an empty item between commas")
		}
		if class, ok := expectClass(it); ok {
			x.ranges = append(x.ranges, [2]int{class * 100, class*100 + 99})
			norm = append(norm, strings.ToLower(it))
			continue
		}
		lo, hi, isRange := strings.Cut(it, "-")
		a, aerr := expectCode(strings.TrimSpace(lo))
		b := a
		berr := aerr
		if isRange {
			b, berr = expectCode(strings.TrimSpace(hi))
		}
		switch {
		case aerr != nil:
			return bad(it, aerr.Error())
		case berr != nil:
			return bad(it, berr.Error())
		case a > b:
			return bad(it, fmt.Sprintf("the range runs backwards; did you mean %03d-%03d?", b, a))
		case isRange && (a == 0) != (b == 0):
			return bad(it, "000 (no answer) cannot be part of a range")
		}
		x.ranges = append(x.ranges, [2]int{a, b})
		if isRange {
			norm = append(norm, fmt.Sprintf("%03d-%03d", a, b))
		} else {
			norm = append(norm, fmt.Sprintf("%03d", a))
		}
	}
	x.spec = strings.Join(norm, ",")
	return x, nil
}

// expectClass reads a class such as 2xx (1xx to 5xx).
func expectClass(s string) (int, bool) {
	if len(s) != 3 || s[0] < '1' || s[0] > '5' || !strings.EqualFold(s[1:], "xx") {
		return 0, false
	}
	return int(s[0] - '0'), true
}

// expectCode reads one code of --expect: three digits from 100 to 999,
// or 000.
func expectCode(s string) (int, error) {
	if len(s) != 3 || !allDigits(s) {
		return 0, fmt.Errorf("not a code (404), a class (4xx) or a range (500-504)")
	}
	n, _ := strconv.Atoi(s)
	if n != 0 && n < 100 {
		return 0, fmt.Errorf("%s is not a status code (100-999, or 000 for no answer)", s)
	}
	return n, nil
}

// met reports whether the final status meets x (0: no answer).
func (x expectation) met(status int) bool {
	if x.ranges == nil {
		return status >= 100 && status < 400
	}
	for _, r := range x.ranges {
		if status >= r[0] && status <= r[1] {
			return true
		}
	}
	return false
}

// String says what x expects, for people.
func (x expectation) String() string {
	if x.ranges == nil {
		return "below 400"
	}
	return x.spec
}

// parseHeader reads one -H value, "Name: value". The engine writes Host
// from the URL and frames the body itself, so those fields are refused.
func parseHeader(s string) (exchange.Field, error) {
	name, value, ok := strings.Cut(s, ":")
	if !ok {
		return exchange.Field{}, fmt.Errorf("-H %s: write a header field as 'Name: value'", quoteClip(s))
	}
	if name == "" {
		return exchange.Field{}, fmt.Errorf("-H %s: the field name is empty", quoteClip(s))
	}
	if !httpguts.ValidHeaderFieldName(name) {
		return exchange.Field{}, fmt.Errorf("-H %s: %s is not a field name (letters, digits and !#$%%&'*+-.^_`|~, no spaces)", quoteClip(s), quoteClip(name))
	}
	value = strings.Trim(value, " \t")
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < ' ' && c != '\t' || c == 0x7f {
			return exchange.Field{}, fmt.Errorf("-H %s: the value contains a control character", quoteClip(s))
		}
	}
	if !utf8.ValidString(value) {
		return exchange.Field{}, fmt.Errorf("-H %s: the value is not valid UTF-8", quoteClip(s))
	}
	switch strings.ToLower(name) {
	case "host":
		return exchange.Field{}, fmt.Errorf("-H %s: Host is written from the URL", quoteClip(s))
	case "content-length", "transfer-encoding":
		return exchange.Field{}, fmt.Errorf("-H %s: %s is written from the body (-d)", quoteClip(s), name)
	}
	return exchange.Field{Name: name, Value: value}, nil
}

// parseRetryAfter reads a Retry-After value (RFC 9110 §10.2.3): a number
// of seconds or an HTTP-date, as a wait from now (0 for a date in the
// past). ok is false when v is neither.
func parseRetryAfter(v string, now time.Time) (wait time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if allDigits(v) {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n > math.MaxInt64/int64(time.Second) {
			return time.Duration(math.MaxInt64), true // absurdly long: longer than any --max-retry-wait
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
