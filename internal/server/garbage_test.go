package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestGarbageNeverFailsTheServer sends malformed input to every endpoint:
// each must get a 4xx in the one error shape (or the success the endpoint
// defines), never a 5xx or a hang.
func TestGarbageNeverFailsTheServer(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	paths := []string{
		"/status/%00", "/status/%ff%fe", "/status/200?sleep=%00", "/status/200?header=%00:x", "/status/200?header=X:%ff",
		"/status/200?location=%ff", "/status/302?location=%ff", "/status/200:1e-400", "/status/200:0x1p-2", "/status/200:.", "/status/:",
		"/status/200?seed=99999999999999999999999", "/status/200?retry_after=%00", "/status/200?type=", "/status/200?fault=",
		"/status/200?then=", "/status/100?then=abc", "/status/200?body=%ff%fe", "/status/206?body=", "/status/416?body=%00&type=json",
		"/random/-", "/random/100-", "/random/,", "/random/200-200-200", "/delay/1e-400", "/delay/%00", "/delay/9223372036854775807",
		"/redirect/99999999999999999999", "/redirect-to?url=%00", "/redirect-to?url=http://[::1", "/cache/99999999999999999999",
		"/etag/%00", "/etag/%22", "/range/99999999999999999999", "/range/-5", "/ratelimit?window=%00", "/ratelimit?limit=1e9",
		"/basic-auth/%00/%00", "/response-headers?%00=1", "/negotiate?x=1", "/healthz?x=1", "/%00", "/status/200/extra",
	}
	for _, p := range paths {
		resp, body := get(t, ts.URL+p)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: %d %q", p, resp.StatusCode, clip(body))
			continue
		}
		if resp.StatusCode >= 400 && resp.StatusCode != 401 {
			var e errorBody
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Status != resp.StatusCode || strings.TrimSpace(e.Detail) == "" {
				t.Errorf("%s: %d without the JSON error shape: %q", p, resp.StatusCode, clip(body))
			}
		}
	}
}
