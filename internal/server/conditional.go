package server

import (
	"net/http"
	"strconv"
	"strings"
)

// serveBytes answers GET or HEAD for a representation of body with
// entity tag etag (a quoted strong tag): preconditions first, as RFC 9110
// §13.2.2 orders them (If-Match, then If-None-Match), then Range
// (§14.2, with If-Range §13.1.5). It is how /etag and /range answer, and
// unlike http.ServeContent every error it raises (412, 416) is in the
// service's one error shape.
func (s *server) serveBytes(w http.ResponseWriter, r *http.Request, body []byte, contentType, etag string) {
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Accept-Ranges", "bytes")
	if im := r.Header.Values("If-Match"); len(im) > 0 && !etagListMatches(strings.Join(im, ","), etag, false) {
		s.fail(w, r, http.StatusPreconditionFailed, "If-Match %s does not match the current entity tag %s", clip(strings.Join(im, ",")), etag)
		return
	}
	if inm := r.Header.Values("If-None-Match"); len(inm) > 0 && etagListMatches(strings.Join(inm, ","), etag, true) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			h.Del("Accept-Ranges")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.fail(w, r, http.StatusPreconditionFailed, "If-None-Match %s matches the current entity tag %s", clip(strings.Join(inm, ",")), etag)
		return
	}
	size := int64(len(body))
	var ranges []byteRange
	if rh := r.Header.Get("Range"); rh != "" && r.Method == http.MethodGet && ifRangeHolds(r.Header.Get("If-Range"), etag) {
		var err error
		if ranges, err = parseRange(rh, size); err != nil {
			h.Set("Content-Range", "bytes */"+strconv.FormatInt(size, 10))
			h.Del("ETag")
			h.Del("Accept-Ranges")
			s.fail(w, r, http.StatusRequestedRangeNotSatisfiable, "Range %s selects nothing of the %d bytes here (or more than 16 ranges); ranges start at 0 and end at %d", clip(rh), size, max(size-1, 0))
			return
		}
	}
	status := http.StatusOK
	if ranges != nil {
		body, contentType = partialBody(representation{contentType: []string{contentType}, body: body}, ranges, h)
		status = http.StatusPartialContent
	}
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// ifRangeHolds reports whether a Range may be honoured given If-Range: it
// may when there is no If-Range, or when it is an entity tag that
// strongly matches etag. A date never matches, as these representations
// have no Last-Modified.
func ifRangeHolds(ifRange, etag string) bool {
	ifRange = strings.TrimSpace(ifRange)
	if ifRange == "" {
		return true
	}
	return !strings.HasPrefix(ifRange, "W/") && strings.HasPrefix(ifRange, `"`) && ifRange == etag
}

// etagListMatches reports whether the If-Match or If-None-Match list
// (RFC 9110 §8.8.3: "*" or comma-separated entity tags) matches etag:
// with weak comparison, W/"x" matches "x"; with strong comparison only an
// identical strong tag does. A list that does not parse matches nothing.
func etagListMatches(list, etag string, weak bool) bool {
	list = strings.TrimSpace(list)
	if list == "*" {
		return true
	}
	for list != "" {
		list = strings.TrimLeft(list, " \t,")
		if list == "" {
			break
		}
		isWeak := strings.HasPrefix(list, "W/")
		if isWeak {
			list = list[2:]
		}
		if !strings.HasPrefix(list, `"`) {
			return false
		}
		end := strings.IndexByte(list[1:], '"')
		if end < 0 {
			return false
		}
		tag := list[:end+2]
		list = list[end+2:]
		if tag == etag && (weak || !isWeak) {
			return true
		}
		list = strings.TrimLeft(list, " \t")
		if list != "" && list[0] != ',' {
			return false
		}
	}
	return false
}
