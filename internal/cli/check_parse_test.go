package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/httpstatus/httpstatus/internal/exchange"
	"golang.org/x/net/http/httpguts"
)

func TestParseExpect(t *testing.T) {
	ok := []struct {
		spec        string
		norm        string
		meets, miss []int
	}{
		{"2xx", "2xx", []int{200, 204, 299}, []int{199, 300, 0}},
		{"2XX, 301", "2xx,301", []int{200, 301}, []int{302, 404}},
		{"500-504", "500-504", []int{500, 502, 504}, []int{499, 505}},
		{"000", "000", []int{0}, []int{200}},
		{"200,000", "200,000", []int{0, 200}, []int{201}},
		{"404-404", "404-404", []int{404}, []int{403, 405}},
		{"999", "999", []int{999}, []int{998}},
	}
	for _, tt := range ok {
		x, err := parseExpect(tt.spec)
		if err != nil || x.String() != tt.norm {
			t.Errorf("parseExpect(%q) = %q, %v; want %q", tt.spec, x, err, tt.norm)
			continue
		}
		for _, c := range tt.meets {
			if !x.met(c) {
				t.Errorf("%q does not accept %d", tt.spec, c)
			}
		}
		for _, c := range tt.miss {
			if x.met(c) {
				t.Errorf("%q accepts %d", tt.spec, c)
			}
		}
	}
	var def expectation
	if def.String() != "below 400" || !def.met(100) || !def.met(399) || def.met(400) || def.met(0) {
		t.Errorf("the default expectation is wrong")
	}
	for spec, words := range map[string]string{
		"":         "give codes",
		" ":        "give codes",
		"2xy":      "not a code",
		"6xx":      "not a code",
		"200,,301": "empty item",
		"200,":     "empty item",
		"99":       "not a code",
		"099":      "is not a status code",
		"1000":     "not a code",
		"504-500":  "did you mean 500-504?",
		"000-200":  "000 (no answer) cannot be part of a range",
		"200-":     "not a code",
		"-200":     "not a code",
		"2xx-3xx":  "not a code",
		"+200":     "not a code",
		"２００":      "not a code",
	} {
		if _, err := parseExpect(spec); err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("parseExpect(%q) = %v, want an error saying %q", spec, err, words)
		}
	}
}

func FuzzParseExpect(f *testing.F) {
	for _, s := range []string{"2xx", "200,301", "500-504", "000", "504-500", ",", "2xx,,", "\xff", "1-2-3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		if len(spec) > 512 {
			return
		}
		x, err := parseExpect(spec)
		if err != nil {
			checkErrorLine(t, spec, err.Error())
			return
		}
		// What it accepts, it accepts again when written back.
		y, err := parseExpect(x.String())
		if err != nil || y.String() != x.String() {
			t.Fatalf("%q normalised to %q, which reads as %q, %v", spec, x, y, err)
		}
		for _, r := range x.ranges {
			if r[0] > r[1] || r[0] != 0 && r[0] < 100 || r[1] > 999 {
				t.Fatalf("%q gave the range %v", spec, r)
			}
		}
	})
}

func TestParseHeader(t *testing.T) {
	for in, want := range map[string]exchange.Field{
		"X-A: 1":               {Name: "X-A", Value: "1"},
		"X-A:1":                {Name: "X-A", Value: "1"},
		"X-A:   spaced out   ": {Name: "X-A", Value: "spaced out"},
		"X-Empty:":             {Name: "X-Empty", Value: ""},
		"accept: a: b":         {Name: "accept", Value: "a: b"},
		"X-Tab:\tv\t":          {Name: "X-Tab", Value: "v"},
		"X-Utf8: héllo":        {Name: "X-Utf8", Value: "héllo"},
	} {
		got, err := parseHeader(in)
		if err != nil || got != want {
			t.Errorf("parseHeader(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, words := range map[string]string{
		"NoColon":              "write a header field as 'Name: value'",
		": value":              "the field name is empty",
		"X A: 1":               "is not a field name",
		"X-A : 1":              "is not a field name",
		"X-A: 1\r\nX-B: 2":     "control character",
		"X-A: \x00":            "control character",
		"X-A: \x7f":            "control character",
		"X-A: \xff":            "not valid UTF-8",
		"Host: x":              "Host is written from the URL",
		"content-length: 3":    "written from the body",
		"Transfer-Encoding: x": "written from the body",
		"Näme: x":              "is not a field name",
	} {
		if _, err := parseHeader(in); err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("parseHeader(%q) = %v, want an error saying %q", in, err, words)
		}
	}
}

func FuzzParseHeader(f *testing.F) {
	for _, s := range []string{"X-A: 1", "NoColon", ": v", "X A: 1", "X-A: a\r\nb", "Host: x", "\xff: \xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 512 {
			return
		}
		field, err := parseHeader(s)
		if err != nil {
			checkErrorLine(t, s, err.Error())
			return
		}
		// A field it accepts makes a request head of exactly one line.
		if !httpguts.ValidHeaderFieldName(field.Name) || strings.ContainsAny(field.Value, "\r\n\x00") || field.Value != strings.Trim(field.Value, " \t") {
			t.Fatalf("parseHeader(%q) = %+v", s, field)
		}
	})
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"0":                              0,
		"1":                              time.Second,
		" 120 ":                          2 * time.Minute,
		"Fri, 02 Jan 2026 03:04:35 GMT":  30 * time.Second,
		"Friday, 02-Jan-26 03:04:15 GMT": 10 * time.Second, // RFC 850
		"Fri Jan  2 03:04:07 2026":       2 * time.Second,  // asctime
		"Thu, 01 Jan 2026 00:00:00 GMT":  0,                // in the past
		"99999999999999999999999":        time.Duration(1<<63 - 1),
	} {
		got, ok := parseRetryAfter(in, now)
		if !ok || got != want {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "-1", "1.5", "soon", "1s", "Fri, 32 Jan 2026 00:00:00 GMT"} {
		if _, ok := parseRetryAfter(in, now); ok {
			t.Errorf("parseRetryAfter(%q) accepted", in)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "120", "Fri, 02 Jan 2026 03:04:35 GMT", "-1", "", "99999999999999999999"} {
		f.Add(s)
	}
	now := time.Now()
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseRetryAfter(s, now); ok && d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v", s, d)
		}
	})
}

// FuzzReadTargets feeds input lines to the reader: every line that is
// neither blank nor a comment becomes exactly one target, a URL or an
// error of one printable line.
func FuzzReadTargets(f *testing.F) {
	for _, s := range []string{"http://a.example/\n# c\n\nb.example", "localhost:8080/x\r\nnot a url\n", "\ufeffftp://x/\n", "a\x00b\n\xff\n", "[::1]:80/\n//x.example"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 4096 {
			return
		}
		want := 0
		for i, line := range strings.Split(input, "\n") {
			line = strings.TrimSuffix(line, "\r")
			if i == 0 {
				line = strings.TrimPrefix(line, "\ufeff")
			}
			if !skipLine(line) {
				want++
			}
		}
		got := 0
		readTargets(strings.NewReader(input), "input", func(tg target) bool {
			got++
			switch {
			case tg.err != "":
				if strings.ContainsAny(tg.err, "\n\r") {
					t.Fatalf("error of more than one line: %q", tg.err)
				}
			case tg.url == nil || tg.url.Scheme != "http" && tg.url.Scheme != "https" || tg.url.Host == "":
				t.Fatalf("line %q gave %v", tg.input, tg.url)
			}
			return true
		})
		if got != want {
			t.Fatalf("%d targets from %d URL lines in %q", got, want, input)
		}
	})
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("a", 3*maxLineBytes)
	lr := newLineReader(strings.NewReader("one\r\n" + long + "\ntwo\nlast"))
	var got []string
	for {
		line, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if tooLong {
			line = fmt.Sprintf("(long: %d)", len(line))
		}
		got = append(got, line)
	}
	if want := fmt.Sprintf("one|(long: %d)|two|last", maxLineBytes); strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// fakeTransport answers every request at once (after a random pause),
// and counts what it has started.
type fakeTransport struct {
	started atomic.Int64
}

func (f *fakeTransport) Follow(ctx context.Context, req exchange.Request, p exchange.Policy) exchange.Chain {
	f.started.Add(1)
	if rand.IntN(4) == 0 {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	}
	resp := &exchange.Response{Status: 200, Proto: "HTTP/1.1"}
	return exchange.Chain{Status: 200, Exchanges: []exchange.Exchange{{URL: req.URL.String(), Response: resp, TotalMS: 0.1}}}
}

func (f *fakeTransport) CloseIdle() {}

// lines is an endless-looking input made line by line as it is read, so
// that a checker that held it all would show.
type lines struct{ n, max int }

func (l *lines) Read(p []byte) (int, error) {
	if l.n == l.max {
		return 0, io.EOF
	}
	l.n++
	return copy(p, fmt.Sprintf("http://h%d.example/%d\n", l.n%7, l.n)), nil
}

// TestCheckMemoryBound runs 20,000 URLs through the scheduler with a fake
// transport: the results held at any moment (running or waiting for an
// earlier one) never exceed the window of 4×concurrency, and they come
// out in input order.
func TestCheckMemoryBound(t *testing.T) {
	t.Parallel()
	for _, ordered := range []bool{true, false} {
		cfg := checkConfig{concurrency: 8, perHost: 4, ordered: ordered, method: http.MethodGet}
		fake := &fakeTransport{}
		c := &checker{cfg: cfg, client: fake, hosts: &hostLimits{perHost: cfg.perHost}}
		src := &inputSource{file: &lines{max: 20000}, fname: "generated"}
		emitted, most, total := 0, int64(0), 0
		c.run(context.Background(), src, func(r *checkResult) {
			emitted++
			if ordered && r.index != emitted {
				t.Fatalf("result %d is input %d", emitted, r.index)
			}
			most = max(most, fake.started.Load()-int64(emitted))
		}, func(n int) { total = n }, nil, nil)
		if emitted != 20000 || total != 20000 {
			t.Fatalf("%d results of %d", emitted, total)
		}
		if limit := int64(4 * cfg.concurrency); most > limit {
			t.Errorf("ordered %v: %d results held at once, over the window of %d", ordered, most, limit)
		}
		if c.hosts.hosts != nil && len(c.hosts.hosts) != 0 {
			t.Errorf("%d hosts still tracked after the run", len(c.hosts.hosts))
		}
	}
}

func TestHostLimits(t *testing.T) {
	t.Parallel()
	l := &hostLimits{perHost: 2}
	ctx := context.Background()
	a, _ := l.acquire(ctx, "http://a:80")
	b, _ := l.acquire(ctx, "http://a:80")
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(short, "http://a:80"); err == nil {
		t.Error("a third slot of a host limited to two")
	}
	other, err := l.acquire(ctx, "http://b:80")
	if err != nil {
		t.Errorf("another host waits: %v", err)
	}
	l.release("http://b:80", other)
	l.release("http://a:80", a)
	l.release("http://a:80", b)
	l.backOff("http://a:80", 200*time.Millisecond)
	start := time.Now()
	h, err := l.acquire(ctx, "http://a:80")
	if err != nil || time.Since(start) < 150*time.Millisecond {
		t.Errorf("acquire after a 200 ms back-off took %v (%v)", time.Since(start), err)
	}
	l.release("http://a:80", h)
	if _, ok := l.hosts["http://a:80"]; ok {
		t.Error("a host nobody uses and nothing holds back is still tracked")
	}
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, width: 80, start: time.Now().Add(-2 * time.Second), total: 10, done: 4}
	p.draw()
	line := buf.String()
	if !strings.HasPrefix(line, "\r[") || !strings.Contains(line, "4/10  40%") || !strings.Contains(line, "/s  ETA ") {
		t.Errorf("progress line %q", line)
	}
	buf.Reset()
	p.total = -1
	p.draw()
	p.clear()
	if got := buf.String(); !strings.Contains(got, "4 checked") || !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("progress without a total %q", got)
	}
	var none *progress // stderr is not a terminal: nothing is drawn
	none.step()
	none.draw()
	none.clear()
	e := &env{stderr: &buf, getenv: func(string) string { return "" }}
	if newProgress(e, &inputSource{}, false) != nil {
		t.Error("a progress bar into a buffer")
	}
}

func TestPhasesAndDurations(t *testing.T) {
	for ms, want := range map[float64]string{0.412: "0.412 ms", 0: "0.000 ms", 12.3456: "12.346 ms", 999.9994: "999.999 ms", 1234.5: "1.234 s"} {
		if got := durationText(ms); got != want {
			t.Errorf("durationText(%v) = %q, want %q", ms, got, want)
		}
	}
	ex := &exchange.Exchange{Response: &exchange.Response{Status: 200}, Timings: exchange.Timings{DNSMS: 0, ConnectMS: 0.2, TLSMS: 1.5, SentMS: 1.8, FirstByteMS: 2.7, TotalMS: 3}}
	want := [5]float64{-1, 0.2, 1.5, 1.0, 0.3}
	for i, got := range ex.Phases() {
		if math.Abs(got-want[i]) > 1e-9 {
			t.Errorf("phase %s is %v, want %v", exchange.PhaseNames[i], got, want[i])
		}
	}
	ex.Reused = true
	if got := ex.Phases(); got[0] != -1 || got[1] != -1 || got[2] != -1 {
		t.Errorf("a reused connection has no connect phases: %v", got)
	}
	failed := &exchange.Exchange{Timings: exchange.Timings{DNSMS: 3, TotalMS: 3}}
	if got := failed.Phases(); got != [5]float64{3, -1, -1, -1, -1} {
		t.Errorf("phases of a DNS failure %v", got)
	}
}
