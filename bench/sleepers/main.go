// Command sleepers fires N concurrent requests at a sleeping URL of a
// running httpstatus server and reports errors and the server's peak
// resident memory, read from /proc while the requests are in flight.
//
//	go run ./bench/sleepers -url 'http://127.0.0.1:18090/status/200?sleep=5s' -n 5000 -pid 1234
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:18090/status/200?sleep=5s", "URL every request asks for")
	n := flag.Int("n", 5000, "concurrent requests")
	pid := flag.Int("pid", 0, "server process to sample resident memory of (0: none)")
	maxRSS := flag.Float64("max-rss-mb", 200, "peak resident memory allowed, in MB")
	flag.Parse()

	transport := &http.Transport{MaxIdleConnsPerHost: *n, MaxConnsPerHost: 0, DisableCompression: true}
	client := &http.Client{Transport: transport, Timeout: 60 * time.Second}

	var peak atomic.Int64
	ctx, stop := context.WithCancel(context.Background())
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for ctx.Err() == nil {
			if kb := rssKB(*pid); kb > peak.Load() {
				peak.Store(kb)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()

	var ok, failed atomic.Int64
	var mu sync.Mutex
	statuses := map[int]int{}
	errs := map[string]int{}
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < *n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Get(*url)
			if err != nil {
				failed.Add(1)
				mu.Lock()
				errs[shorten(err.Error())]++
				mu.Unlock()
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			mu.Lock()
			statuses[resp.StatusCode]++
			mu.Unlock()
			if resp.StatusCode == http.StatusOK {
				ok.Add(1)
			} else {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	stop()
	<-sampled

	fmt.Printf("requests %d, ok %d, failed %d, elapsed %v\n", *n, ok.Load(), failed.Load(), elapsed.Round(time.Millisecond))
	fmt.Printf("statuses %v\n", statuses)
	for e, c := range errs {
		fmt.Printf("error x%d: %s\n", c, e)
	}
	mb := float64(peak.Load()) / 1024
	if *pid != 0 {
		fmt.Printf("server peak resident memory %.1f MB (aim: under %.0f MB)\n", mb, *maxRSS)
	}
	if failed.Load() > 0 || (*pid != 0 && mb >= *maxRSS) {
		fmt.Println("verdict: FAIL")
		os.Exit(1)
	}
	fmt.Println("verdict: ok")
}

// rssKB reads VmRSS of a process from /proc, 0 when unknown.
func rssKB(pid int) int64 {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb
		}
	}
	return 0
}

func shorten(s string) string {
	if len(s) > 120 {
		return s[:120]
	}
	return s
}
