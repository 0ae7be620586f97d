package server

import (
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseCodes(t *testing.T) {
	tests := []struct {
		in    string
		codes []int
		err   string
	}{
		{"200", []int{200}, ""},
		{"200,500", []int{200, 500}, ""},
		{"200:9,500:1", []int{200, 500}, ""},
		{"200:0.9,500:0.1", []int{200, 500}, ""},
		{"200:0,500", []int{200, 500}, ""},
		{"", nil, "no status code"},
		{"20", nil, "three digits"},
		{"2000", nil, "three digits"},
		{"099", nil, "outside the valid range"},
		{"600", nil, "outside the valid range"},
		{"200,,500", nil, "empty code"},
		{"200:", nil, "not a finite number"},
		{"200:x", nil, "not a finite number"},
		{"200:-0.5", nil, "negative"},
		{"200:0", nil, "positive, finite sum"},
		{"200:0,500:0", nil, "positive, finite sum"},
		{"200:1e308,500:1e308", nil, "positive, finite sum"},
		{"+20", nil, "three digits"},
	}
	for _, tt := range tests {
		got, err := parseCodes(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseCodes(%q) error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || len(got) != len(tt.codes) {
			t.Errorf("parseCodes(%q) = %v, %v", tt.in, got, err)
			continue
		}
		for i, c := range got {
			if c.code != tt.codes[i] {
				t.Errorf("parseCodes(%q)[%d] = %d", tt.in, i, c.code)
			}
		}
	}
}

func TestPickFollowsWeights(t *testing.T) {
	choices := []choice{{200, 0}, {404, 3}, {500, 1}}
	counts := map[int]int{}
	for i := 0; i < 4000; i++ {
		x := (float64(i) + 0.5) / 4000 // an even sweep of [0, 1)
		counts[pick(choices, func() float64 { return x })]++
	}
	if counts[200] != 0 || counts[404] != 3000 || counts[500] != 1000 {
		t.Errorf("weights 0:3:1 gave %v", counts)
	}
	if got := pick(choices, func() float64 { return math.Nextafter(1, 0) }); got != 500 {
		t.Errorf("the top of the range picked %d", got)
	}
}

func TestParseDelay(t *testing.T) {
	max := 10 * time.Second
	for in, want := range map[string]time.Duration{"0": 0, "1500": 1500 * time.Millisecond, "1.5s": 1500 * time.Millisecond, "250ms": 250 * time.Millisecond, "10s": max, "10000": max} {
		if got, err := parseDelay(in, max); err != nil || got != want {
			t.Errorf("parseDelay(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "-1s", "10001", "11s", "1h", "abc", "1.5", "9223372036854775807"} {
		if _, err := parseDelay(in, max); err == nil {
			t.Errorf("parseDelay(%q) accepted", in)
		}
	}
}

func TestParseRange(t *testing.T) {
	tests := []struct {
		header string
		size   int64
		want   []byteRange
		err    error
	}{
		{"", 10, nil, nil},
		{"bytes=0-4", 10, []byteRange{{0, 4}}, nil},
		{"bytes=5-", 10, []byteRange{{5, 9}}, nil},
		{"bytes=-3", 10, []byteRange{{7, 9}}, nil},
		{"bytes=-30", 10, []byteRange{{0, 9}}, nil},
		{"bytes=0-100", 10, []byteRange{{0, 9}}, nil},
		{"bytes=0-1, 3-4", 10, []byteRange{{0, 1}, {3, 4}}, nil},
		{"bytes=10-", 10, nil, errUnsatisfiable},
		{"bytes=-0", 10, nil, errUnsatisfiable},
		{"items=0-1", 10, nil, nil},
		{"bytes=4-2", 10, nil, nil},
		{"bytes=x-2", 10, nil, nil},
	}
	for _, tt := range tests {
		got, err := parseRange(tt.header, tt.size)
		if err != tt.err || len(got) != len(tt.want) {
			t.Errorf("parseRange(%q, %d) = %v, %v", tt.header, tt.size, got, err)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("parseRange(%q)[%d] = %v, want %v", tt.header, i, got[i], tt.want[i])
			}
		}
	}
}

func TestNegotiate(t *testing.T) {
	offers := []string{"text/plain", "application/json", "text/html"}
	for accept, want := range map[string]string{
		"":                                  "text/plain",
		"*/*":                               "text/plain",
		"application/json":                  "application/json",
		"text/*":                            "text/plain",
		"text/html, application/json;q=0.9": "text/html",
		"application/json;q=0, */*;q=0.1":   "text/plain",
		"image/png":                         "",
		"text/*;q=0, application/*":         "application/json",
		"garbage":                           "",
	} {
		if got := negotiate(accept, offers); got != want {
			t.Errorf("negotiate(%q) = %q, want %q", accept, got, want)
		}
	}
}

func FuzzParseCodes(f *testing.F) {
	for _, s := range []string{"200", "200,500", "200:9,500:1", "200:0.1,500:0", "200:0", "200:NaN", "", ",", "999:1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		cs, err := parseCodes(spec)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\r\n") && !strings.ContainsAny(spec, "\r\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		sum := 0.0
		for _, c := range cs {
			if c.code < 100 || c.code > 599 || c.weight < 0 || math.IsNaN(c.weight) || math.IsInf(c.weight, 0) {
				t.Fatalf("parseCodes(%q) accepted %+v", spec, c)
			}
			sum += c.weight
		}
		if !(sum > 0) || len(cs) > maxChoices {
			t.Fatalf("parseCodes(%q): sum %v, %d entries", spec, sum, len(cs))
		}
		for _, x := range []float64{0, 0.5, math.Nextafter(1, 0)} {
			code := pick(cs, func() float64 { return x })
			if code < 100 || code > 599 {
				t.Fatalf("pick gave %d", code)
			}
		}
	})
}

func FuzzParseCodeRanges(f *testing.F) {
	for _, s := range []string{"200", "200,500-504", "599-100", "100-599", "1-2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		cs, err := parseCodeRanges(spec)
		if err != nil {
			return
		}
		if len(cs) == 0 || len(cs) > maxChoices*500 {
			t.Fatalf("parseCodeRanges(%q) gave %d codes", spec, len(cs))
		}
	})
}

func FuzzParseDelay(f *testing.F) {
	for _, s := range []string{"1500", "1.5s", "-1", "10s", "1e9", "1h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDelay(s, 10*time.Second)
		if err == nil && (d < 0 || d > 10*time.Second) {
			t.Fatalf("parseDelay(%q) = %v", s, d)
		}
	})
}

func FuzzParseHeaderParam(f *testing.F) {
	for _, s := range []string{"X-A:b", "X-A: b ", "Bad Name:x", "X:\r\nY", "Content-Length:1", ":x", "X-A"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, value, err := parseHeaderParam(s)
		if err != nil {
			return
		}
		if _, bad := forbiddenHeaders[name]; bad || name == "" || strings.ContainsAny(name+value, "\r\n\x00") {
			t.Fatalf("parseHeaderParam(%q) accepted %q: %q", s, name, value)
		}
	})
}

func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"bytes=0-1", "bytes=-5", "bytes=5-", "bytes=0-1,2-3", "bytes=9999999999999999999-"} {
		f.Add(s, int64(10))
	}
	f.Fuzz(func(t *testing.T, h string, size int64) {
		if size < 0 || size > 1<<30 {
			return
		}
		rs, err := parseRange(h, size)
		if err != nil {
			return
		}
		for _, r := range rs {
			if r.start < 0 || r.end >= size || r.start > r.end {
				t.Fatalf("parseRange(%q, %d) gave %+v", h, size, r)
			}
		}
	})
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "text/html;q=0.5, application/json", "a/b;q=x", ",,,;;;"} {
		f.Add(s)
	}
	offers := []string{"text/plain", "application/json", "text/html"}
	f.Fuzz(func(t *testing.T, accept string) {
		got := negotiate(accept, offers)
		if got != "" && got != offers[0] && got != offers[1] && got != offers[2] {
			t.Fatalf("negotiate(%q) = %q", accept, got)
		}
	})
}

// TestClipCutsBetweenCharacters: a clipped value is still valid UTF-8, so
// that %q shows characters, not the escapes of half a character.
func TestClipCutsBetweenCharacters(t *testing.T) {
	for _, s := range []string{strings.Repeat("é", 100), "a" + strings.Repeat("日本", 40), strings.Repeat("🙂", 30), strings.Repeat("x", 100)} {
		got := clip(s)
		if !utf8.ValidString(got) || len(got) > 63 || !strings.HasSuffix(got, "...") {
			t.Errorf("clip(%.20q...) = %q", s, got)
		}
	}
}

// TestParseRangeIgnoresOverlappingSets: ranges adding up to more than the
// representation are ignored (the whole body is sent once) instead of
// sending it up to sixteen times over.
func TestParseRangeIgnoresOverlappingSets(t *testing.T) {
	for header, wantNil := range map[string]bool{
		"bytes=" + strings.Repeat("0-,", 15) + "0-": true,
		"bytes=0-99,0-99":     true,
		"bytes=0-59,50-99":    true,
		"bytes=0-49,50-99":    false,
		"bytes=0-9,20-29,-10": false,
	} {
		got, err := parseRange(header, 100)
		if err != nil || (got == nil) != wantNil {
			t.Errorf("parseRange(%q, 100) = %v, %v; ignored: want %v", header, got, err, wantNil)
		}
	}
}
