package lint

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/httpstatus/httpstatus"
)

// cacheDirectives reads Cache-Control into a map of lower-case directive
// names to their (unquoted) arguments.
func cacheDirectives(h http.Header) map[string]string {
	d := map[string]string{}
	for _, v := range values(h, "Cache-Control") {
		for part := range strings.SplitSeq(v, ",") {
			name, arg, _ := strings.Cut(strings.TrimSpace(part), "=")
			if name != "" {
				d[strings.ToLower(name)] = strings.Trim(strings.TrimSpace(arg), `"`)
			}
		}
	}
	return d
}

// freshness is how long a shared cache may keep the response, in seconds
// (s-maxage, else max-age, else Expires minus Date); explicit says one
// of them was given.
func freshness(h http.Header, d map[string]string) (secs int64, explicit bool) {
	for _, name := range []string{"s-maxage", "max-age"} {
		if v, ok := d[name]; ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return 0, true
			}
			return n, true
		}
	}
	if ex := get(h, "Expires"); ex != "" {
		exp, err := http.ParseTime(ex)
		if err != nil {
			return 0, true // an invalid Expires means already stale
		}
		date, err := http.ParseTime(get(h, "Date"))
		if err != nil {
			date = now()
		}
		return int64(exp.Sub(date) / time.Second), true
	}
	return 0, false
}

// longErrorCache is how long an error may stay fresh in a cache before
// it is worth a warning: five minutes.
const longErrorCache = 300

// checkCaching checks what caches will do with the response.
func checkCaching(c *checker) {
	r := &c.ex.Response
	code := r.StatusCode
	d := cacheDirectives(r.Header)
	_, noStore := d["no-store"]
	_, noCache := d["no-cache"] // stored, but never reused unchecked
	secs, explicit := freshness(r.Header, d)
	if (httpstatus.IsServerError(code) || code == 408 || code == 429) && !noStore && !noCache && explicit && secs > longErrorCache {
		c.report("error-cached-long", fmt.Sprintf("caches may keep this %d for %s; a passing failure then outlives its cause. Send Cache-Control: no-store, or a max-age of seconds to minutes", code, time.Duration(secs)*time.Second))
	}
	if code == 401 || code == 403 {
		if _, public := d["public"]; public {
			c.report("auth-response-public", fmt.Sprintf("a %d marked Cache-Control: public may be stored by shared caches and served to other users; drop public, or send private or no-store", code))
		}
	}
	if code == 200 && c.method() == http.MethodGet && !noStore && hasContent(r) {
		if !has(r.Header, "ETag") && !has(r.Header, "Last-Modified") && !noCache {
			c.report("no-validator", "a cacheable 200 with neither ETag nor Last-Modified: caches must fetch it all again when it goes stale. Send an ETag (or Last-Modified) so that they can revalidate with a 304")
		}
	}
}
