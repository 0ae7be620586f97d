package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"testing"

	"github.com/andybalholm/brotli"
)

// rawGet asks with an explicit Accept-Encoding, so Go's transport neither
// adds its own nor decompresses.
func rawGet(t *testing.T, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestCompressedPagesAndDownloads(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, path := range []string{"/", "/404", "/codes.json", "/api/v1/codes", "/static/site.css"} {
		plainResp, plain := rawGet(t, ts.URL+path, "identity")
		brResp, br := rawGet(t, ts.URL+path, "gzip, deflate, br")
		gzResp, gz := rawGet(t, ts.URL+path, "gzip;q=1, br;q=0")
		if plainResp.Header.Get("Content-Encoding") != "" || brResp.Header.Get("Content-Encoding") != "br" || gzResp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: encodings %q %q %q", path, plainResp.Header.Get("Content-Encoding"), brResp.Header.Get("Content-Encoding"), gzResp.Header.Get("Content-Encoding"))
			continue
		}
		unbr, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		if err != nil || !bytes.Equal(unbr, plain) {
			t.Errorf("%s: brotli body does not decode to the plain one (%v)", path, err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		ungz, _ := io.ReadAll(zr)
		if !bytes.Equal(ungz, plain) {
			t.Errorf("%s: gzip body does not decode to the plain one", path)
		}
		if brResp.Header.Get("Vary") != "Accept-Encoding" || brResp.Header.Get("ETag") == plainResp.Header.Get("ETag") || gzResp.Header.Get("ETag") == brResp.Header.Get("ETag") {
			t.Errorf("%s: Vary %q, ETags %q %q %q", path, brResp.Header.Get("Vary"), plainResp.Header.Get("ETag"), gzResp.Header.Get("ETag"), brResp.Header.Get("ETag"))
		}
		if path == "/404" && len(br) > 30<<10 {
			t.Errorf("/404 is %d bytes compressed; pages must stay under 30 KB", len(br))
		}
	}
}

func TestNegotiateEncoding(t *testing.T) {
	for header, want := range map[string]string{"": "", "gzip": "gzip", "br": "br", "gzip, br": "br", "br;q=0, gzip": "gzip", "br;q=0.5, gzip;q=0.8": "gzip", "identity": "", "*": ""} {
		if got := negotiateEncoding(header); got != want {
			t.Errorf("negotiateEncoding(%q) = %q, want %q", header, got, want)
		}
	}
}
