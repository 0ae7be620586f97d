package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines to write
// while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var listening = regexp.MustCompile(`addr"?[=:]"?(http://127\.0\.0\.1:\d+)`)

// startServe runs 'httpstatus serve' on a free port until the test ends
// and returns its base URL, the log and a channel with the exit code.
func startServe(t *testing.T, environ map[string]string, args ...string) (string, *syncBuffer, context.CancelFunc, <-chan int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan int, 1)
	getenv := func(k string) string { return environ[k] }
	go func() {
		done <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), io.Discard, logs, getenv)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := listening.FindStringSubmatch(logs.String()); m != nil {
			t.Cleanup(cancel)
			return m[1], logs, cancel, done
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited with %d: %s", code, logs.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start: %s", logs.String())
	return "", nil, nil, nil
}

func TestServeAnswersAndShutsDownGracefully(t *testing.T) {
	base, logs, stop, done := startServe(t, nil)
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/healthz: %v %v", resp, err)
	}
	resp.Body.Close()

	// A request in flight when the signal comes must still be answered.
	answered := make(chan int, 1)
	go func() {
		resp, err := http.Get(base + "/status/201?sleep=700ms")
		if err != nil {
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	time.Sleep(200 * time.Millisecond)
	stop()
	if code := <-answered; code != 201 {
		t.Errorf("request in flight during shutdown got %d, want 201", code)
	}
	if code := <-done; code != 0 {
		t.Errorf("serve exited with %d", code)
	}
	for _, want := range []string{"httpstatus serving", "shutting down", "stopped"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "msg=request") {
		t.Error("requests are logged by default")
	}
}

func TestServeFlagsAndEnvironment(t *testing.T) {
	base, logs, _, _ := startServe(t, map[string]string{"HTTPSTATUS_MAX_DELAY": "1s", "HTTPSTATUS_LOG_FORMAT": "json"}, "--log-requests")
	resp, err := http.Get(base + "/status/200?sleep=2s")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Errorf("HTTPSTATUS_MAX_DELAY=1s not applied: sleep=2s got %d", resp.StatusCode)
	}
	time.Sleep(50 * time.Millisecond)
	if !strings.Contains(logs.String(), `"msg":"request"`) {
		t.Errorf("--log-requests with JSON logs: %s", logs.String())
	}
	// A flag beats the environment.
	base, _, _, _ = startServe(t, map[string]string{"HTTPSTATUS_MAX_DELAY": "1s"}, "--max-delay", "3s")
	resp, err = http.Get(base + "/status/200?sleep=1500ms")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("--max-delay 3s did not win over the environment: %d", resp.StatusCode)
	}
}

func TestServeUsageErrors(t *testing.T) {
	tests := []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"--max-delay", "soon"}, "invalid argument"},
		{map[string]string{"HTTPSTATUS_MAX_DELAY": "soon"}, nil, "HTTPSTATUS_MAX_DELAY"},
		{nil, []string{"--max-delay", "-1s"}, "--max-delay must be positive"},
		{nil, []string{"--rate-limit", "-2"}, "--rate-limit must be 0"},
		{nil, []string{"--log-format", "xml"}, "--log-format must be text or json"},
		{nil, []string{"--log-level", "loud"}, "--log-level must be"},
		{nil, []string{"--max-body", "lots"}, "not a size in bytes"},
		{nil, []string{"--addr", "nonsense"}, "--addr"},
		{nil, []string{"--allow-redirect-host", "https://x.example/"}, "bare host name"},
		{nil, []string{"--max-sleepers", "0"}, "--max-sleepers must be 1 or more"},
		{nil, []string{"--max-websockets", "0"}, "--max-websockets must be 1 or more"},
		{nil, []string{"--max-connections", "3"}, "--max-connections must be 16 or more"},
		{nil, []string{"--max-conns-per-ip", "-1"}, "--max-conns-per-ip must be 0"},
		{nil, []string{"--public-url", "ftp://status.example"}, "--public-url"},
		{nil, []string{"--public-url", "https://u:p@status.example"}, "user name or password"},
		{map[string]string{"HTTPSTATUS_PUBLIC_URL": "https://status.example/sub"}, nil, "scheme://host[:port] only"},
		{nil, []string{"extra"}, "unknown command"},
	}
	for _, tt := range tests {
		_, errOut, code := run(t, tt.env, append([]string{"serve"}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("serve %v (env %v): exit %d, stderr %q; want exit 2 saying %q", tt.args, tt.env, code, errOut, tt.want)
		}
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "512KiB": 512 << 10, "1MiB": 1 << 20, "2MB": 2000000, "10 B": 10} {
		var b byteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("byteSize.Set(%q) = %d, %v", in, b, err)
		}
	}
	for _, in := range []string{"", "-1", "1TiB", "x", "1.5MiB"} {
		var b byteSize
		if err := b.Set(in); err == nil {
			t.Errorf("byteSize.Set(%q) accepted", in)
		}
	}
}

// TestServeHardening: the serve command puts the connection limits and
// --public-url in place, end to end.
func TestServeHardening(t *testing.T) {
	base, _, _, _ := startServe(t, map[string]string{"HTTPSTATUS_PUBLIC_URL": "https://status.example"}, "--max-connections", "16")
	req, _ := http.NewRequest(http.MethodGet, base+"/absolute-redirect/1", nil)
	req.Host = "evil.example"
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Location"); got != "https://status.example/get" {
		t.Errorf("Location %q with HTTPSTATUS_PUBLIC_URL set", got)
	}
	// A client holding every connection without sending anything: after
	// the grace period its connections are reclaimed for /healthz.
	addr := strings.TrimPrefix(base, "http://")
	var last net.Conn
	for i := 0; i < 40; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("dial %d: %v", i, err)
		}
		defer c.Close()
		last = c
	}
	// The connections beyond 16, opened within the grace period of the
	// first ones, are refused at once.
	last.SetReadDeadline(time.Now().Add(3 * time.Second))
	head := make([]byte, 12)
	if _, err := io.ReadFull(last, head); err != nil || string(head) != "HTTP/1.1 503" {
		t.Fatalf("the 40th connection: %q %v; want a 503 refusal", head, err)
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	deadline := time.Now().Add(5 * time.Second)
	for {
		resp, err := client.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
			if resp.StatusCode != 503 {
				t.Fatalf("/healthz: %d", resp.StatusCode)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never served while connections were hoarded: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
