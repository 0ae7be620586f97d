package exchange_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/httpstatus/httpstatus/internal/exchange"
)

func TestGuardRefusesEveryInternalForm(t *testing.T) {
	g := &exchange.Guard{}
	for addr, words := range map[string]string{
		"127.0.0.1":              "loopback",
		"127.255.0.9":            "loopback",
		"10.1.2.3":               "private",
		"172.16.0.1":             "private",
		"172.31.255.255":         "private",
		"192.168.1.1":            "private",
		"100.64.0.1":             "carrier-grade NAT",
		"169.254.169.254":        "link-local",
		"0.0.0.0":                "this network",
		"224.0.0.1":              "multicast",
		"255.255.255.255":        "reserved",
		"198.18.0.1":             "benchmarking",
		"::":                     "unspecified",
		"::1":                    "loopback",
		"fd00::1":                "unique local",
		"fc00::1":                "unique local",
		"fe80::1":                "link-local",
		"ff02::1":                "multicast",
		"::ffff:127.0.0.1":       "loopback",
		"::ffff:169.254.169.254": "link-local",
		"::ffff:10.0.0.1":        "private",
		"64:ff9b::7f00:1":        "IPv6 form of 127.0.0.1",
		"64:ff9b::a9fe:a9fe":     "IPv6 form of 169.254.169.254",
		"2002:7f00:1::1":         "IPv6 form of 127.0.0.1",
		"2002:c0a8:101::1":       "IPv6 form of 192.168.1.1",
		"::127.0.0.1":            "IPv6 form of 127.0.0.1",
		"64:ff9b:1:a00:1:100::":  "IPv6 form of 10.0.1.1",
		"fe80::1%eth0":           "link-local",
		"::ffff:100.64.1.1":      "carrier-grade NAT",
		"::ffff:0.0.0.0":         "this network",
		"2001:db8::1%1":          "",
		"93.184.215.14":          "",
		"2606:4700:4700::1111":   "",
		"8.8.8.8":                "",
		"172.32.0.1":             "",
		"64:ff9b::808:808":       "",
		"2002:808:808::1":        "",
		"::ffff:1.1.1.1":         "",
		"100.128.0.1":            "",
		"192.0.2.1":              "",
	} {
		ip := net.ParseIP(strings.Split(addr, "%")[0])
		if ip == nil {
			t.Fatalf("bad test address %q", addr)
		}
		err := g.Check(ip)
		if words == "" {
			if err != nil {
				t.Errorf("%s refused: %v", addr, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), words) {
			t.Errorf("%s: %v; want refused as %q", addr, err, words)
		}
	}
}

// TestGuardAtDialTime: the guard judges what a name resolves to, and
// every hop of a redirect chain; odd spellings of loopback (127.1,
// 0x7f000001, 2130706433) resolve to it and are refused.
func TestGuardAtDialTime(t *testing.T) {
	refused := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("internal")) }))
	defer refused.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(refused.URL, "http://"))
	// 127.0.0.2 stands in for a public host: it redirects to 127.0.0.1.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	public := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, refused.URL+"/secret", http.StatusFound)
	}))
	public.Listener.Close()
	public.Listener = ln
	public.Start()
	defer public.Close()

	g := &exchange.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	c := &exchange.Client{Dialer: &exchange.NetDialer{CheckIP: g.Check}}
	for _, target := range []string{"http://localhost:" + port + "/", "http://127.1:" + port + "/", "http://0x7f000001:" + port + "/", "http://2130706433:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "http://127.0.0.1:" + port + "/"} {
		u, err := url.Parse(target)
		if err != nil {
			continue // a form net/url itself refuses never reaches the dialer
		}
		ex := c.Do(context.Background(), exchange.Request{Method: "GET", URL: u})
		if ex.Response != nil || ex.Failure != exchange.FailBlocked && ex.Failure != exchange.FailDNS {
			t.Errorf("%s: reached (%v) or failed oddly: %q %q", target, ex.Response != nil, ex.Failure, ex.Error)
		}
		t.Logf("%s: %s", target, ex.Error)
		if ex.Failure == exchange.FailBlocked && !strings.Contains(ex.Error, "loopback") {
			t.Errorf("%s: %q does not say why", target, ex.Error)
		}
	}
	ch := c.Follow(context.Background(), exchange.Request{Method: "GET", URL: mustURL(t, public.URL+"/")}, exchange.Policy{Follow: true})
	if len(ch.Exchanges) != 2 || ch.Exchanges[0].Response.Status != 302 || ch.Exchanges[1].Response != nil || !strings.Contains(ch.Error, "127.0.0.1 is a loopback address") {
		t.Errorf("a redirect to an internal address: %d exchanges, error %q", len(ch.Exchanges), ch.Error)
	}
}

// FuzzGuard: whatever the address, the guard answers without a panic,
// and an address refused is refused in its IPv4-mapped form too.
func FuzzGuard(f *testing.F) {
	f.Add([]byte{127, 0, 0, 1})
	f.Add([]byte{0x20, 0x02, 0x7f, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		g := &exchange.Guard{}
		err := g.Check(net.IP(b))
		if len(b) == 4 {
			mapped := net.IP(b).To16()
			if (g.Check(mapped) == nil) != (err == nil) {
				t.Fatalf("%v and its mapped form disagree", net.IP(b))
			}
		}
	})
}

func TestLiteralIP(t *testing.T) {
	for host, want := range map[string]string{
		"127.0.0.1": "127.0.0.1", "127.1": "127.0.0.1", "0x7f000001": "127.0.0.1", "2130706433": "127.0.0.1",
		"0177.0.0.1": "127.0.0.1", "0x7f.1": "127.0.0.1", "127.0.1": "127.0.0.1", "[::1]": "::1", "[fe80::1%25eth0]": "fe80::1",
		"169.254.169.254.": "169.254.169.254", "0": "0.0.0.0", "example.com": "", "1.2.3.4.5": "", "256.1.1.1": "", "0x": "",
		"08.1.1.1": "", "1.2.3.256": "", "4294967296": "",
	} {
		ip, ok := exchange.LiteralIP(strings.ReplaceAll(host, "%25", "%"))
		got := ""
		if ok {
			got = ip.String()
		}
		if got != want {
			t.Errorf("LiteralIP(%q) = %q, want %q", host, got, want)
		}
	}
}

// FuzzLiteralIP: never a panic, and a dotted-quad answer reads back.
func FuzzLiteralIP(f *testing.F) {
	for _, s := range []string{"127.1", "0x7f000001", "[::1]", "1.2.3.4", "0.0", "00", "0x.0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ip, ok := exchange.LiteralIP(s)
		if ok && ip == nil {
			t.Fatalf("LiteralIP(%q) ok without an address", s)
		}
	})
}
