package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// lowerText is the first 64 KiB of a body in lower case, for the
// better-code rules' phrase matching.
func lowerText(b []byte) string {
	return string(bytes.ToLower(b[:min(len(b), 64<<10)]))
}

// firstPhrase returns the first of phrases that text contains.
func firstPhrase(text string, phrases ...string) (string, bool) {
	for _, p := range phrases {
		if strings.Contains(text, p) {
			return p, true
		}
	}
	return "", false
}

// validationKeys are top-level JSON keys that list the fields a request
// got wrong (RFC 9457's invalid-params among them).
var validationKeys = []string{"invalid-params", "invalid_params", "invalidparams", "violations", "fielderrors", "field_errors", "validation_errors", "validationerrors"}

// hasValidationList reports whether a JSON object body names invalid
// fields.
func hasValidationList(body []byte) bool {
	var obj map[string]json.RawMessage
	if json.Unmarshal(body[:min(len(body), 64<<10)], &obj) != nil {
		return false
	}
	for k, v := range obj {
		lk := strings.ToLower(k)
		for _, want := range validationKeys {
			if lk == want && len(bytes.TrimSpace(v)) > 2 {
				return true
			}
		}
		if lk == "errors" && len(v) > 0 && v[0] == '{' && len(bytes.TrimSpace(v)) > 2 {
			return true // {"errors": {"email": [...]}}: Rails and Laravel
		}
	}
	return false
}

// checkBetterCode gives advice where the body tells that another code
// would say it better. It only reads the body, so it is advice (info).
func checkBetterCode(c *checker) {
	r := &c.ex.Response
	if len(r.Body) == 0 || c.method() == http.MethodHead {
		return
	}
	text := lowerText(r.Body)
	req := c.ex.Request.Header
	switch r.StatusCode {
	case 400:
		if p, ok := firstPhrase(text, "validation failed", "validation error", "failed validation", "must be a valid"); ok || hasValidationList(r.Body) {
			why := "its body lists invalid fields"
			if ok {
				why = fmt.Sprintf("its body says %q", p)
			}
			c.report("better-422", fmt.Sprintf("this 400 is about the content's meaning (%s); 422 Unprocessable Content says the syntax was fine and the values were not, which clients can act on", why))
		}
	case 401:
		if c.method() != "" && has(req, "Authorization") {
			if p, ok := firstPhrase(text, "permission", "not allowed", "insufficient", "access denied", "forbidden", "not authorized to"); ok {
				c.report("better-403", fmt.Sprintf("this 401 answers a request that did authenticate, and its body says %q; when the credentials are fine but not enough, 403 Forbidden tells the client not to try logging in again", p))
			}
		}
	case 403:
		if c.method() != "" && !has(req, "Authorization") && !has(req, "Cookie") {
			if p, ok := firstPhrase(text, "please log in", "please login", "log in to", "login required", "sign in", "not authenticated", "unauthenticated", "authentication required", "missing credentials", "missing token"); ok {
				c.report("better-401", fmt.Sprintf("this 403 answers a request without credentials, and its body says %q; 401 Unauthorized with a WWW-Authenticate challenge tells the client to authenticate", p))
			}
		}
	case 404:
		if p, ok := firstPhrase(text, "has been deleted", "was deleted", "has been removed", "was removed", "no longer available", "no longer exists", "permanently removed"); ok {
			c.report("better-410", fmt.Sprintf("this 404's body says %q; when you know the resource is gone for good, 410 Gone lets caches and crawlers forget it", p))
		}
	case 500:
		for _, alt := range []struct {
			code    int
			phrases []string
		}{
			{504, []string{"upstream timed out", "gateway timeout", "upstream timeout", "timed out waiting"}},
			{502, []string{"bad gateway", "no healthy upstream", "upstream connect error", "upstream server", "invalid response from upstream", "upstream prematurely closed"}},
			{503, []string{"maintenance", "temporarily unavailable", "overloaded", "try again later", "service unavailable"}},
		} {
			if p, ok := firstPhrase(text, alt.phrases...); ok {
				c.report("better-5xx", fmt.Sprintf("this 500's body says %q; %d %s says what happened, and tells clients and monitors whether retrying helps", p, alt.code, http.StatusText(alt.code)))
				break
			}
		}
	}
}
