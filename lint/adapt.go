package lint

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
)

// MaxBody is how much of a body the adapters keep for the body rules.
const MaxBody = 1 << 20

// FromRecorder turns what a handler wrote into an httptest recorder into
// an Exchange with its request. A real net/http server drops content
// written in answer to HEAD, so for HEAD the body is left out; for a 204
// or 304 it is kept, because a handler that writes one has a bug.
func FromRecorder(req *http.Request, rec *httptest.ResponseRecorder) Exchange {
	res := rec.Result()
	ex := Exchange{Request: fromRequest(req)}
	ex.Response = Response{StatusCode: res.StatusCode, Header: res.Header}
	if req == nil || req.Method != http.MethodHead {
		ex.Response.Body = rec.Body.Bytes()
	}
	return ex
}

// FromResponse turns a response received with net/http, and the request
// in resp.Request, into an Exchange. It reads up to MaxBody bytes of the
// body and puts them back in front of the rest, so the caller can still
// read resp.Body whole.
func FromResponse(resp *http.Response) (Exchange, error) {
	ex := Exchange{Request: fromRequest(resp.Request)}
	r := Response{Proto: resp.Proto, StatusCode: resp.StatusCode, Header: resp.Header}
	if resp.Close && !has(resp.Header, "Connection") {
		// net/http takes Connection: close out of the header into Close.
		r.Header = resp.Header.Clone()
		r.Header.Set("Connection", "close")
	}
	r.Reason = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
	if resp.Body != nil {
		kept, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			r.Incomplete = true
		case err != nil:
			return ex, err
		}
		r.Body = kept
		if len(kept) > MaxBody {
			// At least this much: the rest is left for the caller.
			r.Truncated, r.Length, r.Body = true, int64(len(kept)), kept[:MaxBody]
		}
		resp.Body = readCloser{io.MultiReader(bytes.NewReader(kept), resp.Body), resp.Body}
	}
	ex.Response = r
	return ex, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

func fromRequest(req *http.Request) Request {
	if req == nil {
		return Request{}
	}
	out := Request{Method: req.Method, Proto: req.Proto, Header: req.Header}
	if req.URL != nil {
		u := *req.URL
		if u.Host == "" {
			u.Host = req.Host
		}
		if u.Scheme == "" && u.Host != "" {
			u.Scheme = "http"
			if req.TLS != nil {
				u.Scheme = "https"
			}
		}
		out.URL = u.String()
	}
	if out.Method == "" {
		out.Method = http.MethodGet
	}
	return out
}

// HTTPSender sends the active checks' requests with an *http.Client,
// never following redirects.
type HTTPSender struct {
	Client *http.Client // nil is http.DefaultClient's transport
}

// Send sends req and reads up to MaxBody bytes of the answer.
func (s HTTPSender) Send(ctx context.Context, req Request) (Exchange, error) {
	hr, err := http.NewRequestWithContext(ctx, req.Method, req.URL, nil)
	if err != nil {
		return Exchange{}, err
	}
	for k, vs := range req.Header {
		hr.Header[k] = vs
	}
	c := http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if s.Client != nil {
		c.Transport, c.Jar, c.Timeout = s.Client.Transport, s.Client.Jar, s.Client.Timeout
	}
	resp, err := c.Do(hr)
	if err != nil {
		return Exchange{}, err
	}
	defer resp.Body.Close()
	ex, err := FromResponse(resp)
	ex.Request = fromRequest(hr)
	return ex, err
}
