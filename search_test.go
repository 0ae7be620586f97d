package httpstatus

import (
	"testing"
	"unicode/utf8"
)

func codesOf(ms []Match) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.Status.Code
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	tests := []struct {
		query string
		first int // the code that must come first
		field string
	}{
		{"404", 404, "code"},
		{"not found", 404, "phrase"},
		{"Not Found", 404, "phrase"},
		{"payload too large", 413, "alias"},
		{"request entity too large", 413, "alias"},
		{"unprocessable entity", 422, "alias"},
		{"rate limit", 429, ""},
		{"too many requests", 429, "phrase"},
		{"teapot", 418, ""},
		{"i'm a teapot", 418, "phrase"},
		{"moved permanently", 301, "phrase"},
		{"client closed request", 499, "phrase"},
		{"bad gateway", 502, "phrase"},
		{"what does http status 503 mean", 503, "code"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			ms := Search(tt.query)
			if len(ms) == 0 {
				t.Fatal("no matches")
			}
			if ms[0].Status.Code != tt.first {
				t.Errorf("first match %d %s, want %d; ranking %v", ms[0].Status.Code, ms[0].Status.Phrase, tt.first, codesOf(ms[:min(len(ms), 8)]))
			}
			if tt.field != "" && ms[0].Field != tt.field {
				t.Errorf("first match field %q, want %q", ms[0].Field, tt.field)
			}
		})
	}
}

func TestSearchTimeoutFindsBothTimeouts(t *testing.T) {
	ms := Search("timeout")
	top := codesOf(ms[:min(len(ms), 3)])
	for _, want := range []int{408, 504} {
		found := false
		for _, c := range top {
			found = found || c == want
		}
		if !found {
			t.Errorf("timeout: %d not in the top 3 %v", want, top)
		}
	}
}

func TestSearchClassAndPrefix(t *testing.T) {
	ms := Search("5xx")
	if len(ms) == 0 {
		t.Fatal("5xx found nothing")
	}
	for _, m := range ms {
		if m.Status.Class != ServerError {
			t.Errorf("5xx returned %d", m.Status.Code)
		}
	}
	for _, m := range Search("50")[:3] {
		if m.Status.Code/10 != 50 {
			t.Errorf("prefix 50 ranked %d near the top", m.Status.Code)
		}
	}
}

func TestSearchVendor(t *testing.T) {
	ms := Search("cloudflare")
	if len(ms) < 8 {
		t.Fatalf("cloudflare found %d codes", len(ms))
	}
	for _, m := range ms[:8] {
		if m.Status.Code < 520 || m.Status.Code > 530 {
			t.Errorf("cloudflare ranked %d %s in the top 8", m.Status.Code, m.Status.Phrase)
		}
	}
}

func TestSearchNothing(t *testing.T) {
	for _, q := range []string{"", "   ", "the a of", "zzzzqqq", "\x00\xff"} {
		if ms := Search(q); len(ms) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, codesOf(ms))
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"404", "rate limit", "payload too large", "4xx", "50", "I'm a teapot", "", "ünïcödé", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ms := Search(q)
		for i, m := range ms {
			if m.Score <= 0 {
				t.Fatalf("match %d with score %d", m.Status.Code, m.Score)
			}
			if i > 0 && ms[i-1].Score < m.Score {
				t.Fatalf("results not sorted by score: %d before %d", ms[i-1].Score, m.Score)
			}
			if _, ok := Lookup(m.Status.Code); !ok {
				t.Fatalf("match %d is not in the catalogue", m.Status.Code)
			}
		}
		if utf8.ValidString(q) && len(ms) > len(All()) {
			t.Fatalf("%d matches for %d entries", len(ms), len(All()))
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	Search("warm up")
	for _, q := range []string{"404", "rate limit", "payload too large", "timeout", "connection refused by upstream"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Search(q)
			}
		})
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	codes := []int{200, 404, 418, 503, 999, 299}
	var n int
	for b.Loop() {
		for _, c := range codes {
			if s, ok := Lookup(c); ok {
				n += s.Code
			}
		}
	}
	_ = n
}

func BenchmarkText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Text(413)
	}
}

func TestLookupDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok := Lookup(404); !ok {
			t.Fatal("404 missing")
		}
		_ = Text(503)
	})
	if allocs != 0 {
		t.Errorf("Lookup and Text allocate %.1f times per call, want 0", allocs)
	}
}
