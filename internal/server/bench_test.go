package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkStatusHandler measures the handler alone for the requests a
// load test sends most; bench/status.sh measures the whole server.
func BenchmarkStatusHandler(b *testing.B) {
	h := NewServer(Options{})
	for _, path := range []string{"/status/200", "/status/404", "/status/503", "/status/200,500", "/status/418?header=X-A:b"} {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
			}
		})
	}
}

// BenchmarkPageHandler measures serving a prerendered page; bench/page.sh
// measures the whole server against the baseline. The writer discards the
// body and reuses its header map, so the numbers are the handler's own,
// not httptest's recorder copying the page.
func BenchmarkPageHandler(b *testing.B) {
	h := NewServer(Options{})
	for _, path := range []string{"/404", "/"} {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			w := discardWriter{header: http.Header{}}
			b.ReportAllocs()
			for b.Loop() {
				clear(w.header)
				h.ServeHTTP(w, req)
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps nothing but its headers.
type discardWriter struct{ header http.Header }

func (w discardWriter) Header() http.Header         { return w.header }
func (w discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (w discardWriter) WriteHeader(int)             {}
