package exchange

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/httpstatus/httpstatus/lint"
)

// Lint is the exchange as the linter reads it; false when no response
// arrived.
func (ex *Exchange) Lint() (lint.Exchange, bool) {
	if ex.Response == nil {
		return lint.Exchange{}, false
	}
	out := lint.Exchange{
		Request: lint.Request{
			Method: ex.Request.Method, URL: ex.URL, Proto: sentProto(ex),
			Header: fieldsHeader(ex.Request.Headers),
		},
		Response: lintResponse(ex.Response),
	}
	for i := range ex.Interim {
		out.Interim = append(out.Interim, lintResponse(&ex.Interim[i]))
	}
	return out, true
}

// sentProto is the version the request went with: HTTP/1.1 from the
// engine's Client, the response's own major version over HTTP/2 and 3.
func sentProto(ex *Exchange) string {
	if ex.Response != nil && ex.Response.Raw == "" && ex.Response.Proto != "" {
		return ex.Response.Proto // HTTP2Client: no raw head, one version both ways
	}
	return "HTTP/1.1"
}

func lintResponse(r *Response) lint.Response {
	body := []byte(r.Body)
	if r.BodyBase64 {
		body, _ = base64.StdEncoding.DecodeString(r.Body)
	}
	return lint.Response{
		Proto: r.Proto, StatusCode: r.Status, Reason: r.Reason, Header: fieldsHeader(r.Headers),
		Body: body, Length: r.BodyBytes, Truncated: r.BodyTruncated,
		Incomplete: r.Incomplete, Excess: r.Excess,
	}
}

// fieldsHeader turns fields in wire order into an http.Header.
func fieldsHeader(fs []Field) http.Header {
	h := make(http.Header, len(fs))
	for _, f := range fs {
		h.Add(f.Name, f.Value)
	}
	return h
}

// LintChain is the chain as the linter reads it: the exchanges that got
// a response.
func (ch *Chain) LintChain() []lint.Exchange {
	out := make([]lint.Exchange, 0, len(ch.Exchanges))
	for i := range ch.Exchanges {
		if ex, ok := ch.Exchanges[i].Lint(); ok {
			out = append(out, ex)
		}
	}
	return out
}

// LintSender sends the linter's active requests (lint.CheckActive)
// through an engine Doer, so that they are recorded and bounded like
// every other request.
type LintSender struct {
	Doer Doer
}

// Send performs req once, without following redirects.
func (s LintSender) Send(ctx context.Context, req lint.Request) (lint.Exchange, error) {
	u, err := url.Parse(req.URL)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return lint.Exchange{}, fmt.Errorf("not an http or https URL: %q", req.URL)
	}
	var fields []Field
	for _, name := range slices.Sorted(maps.Keys(req.Header)) {
		if strings.EqualFold(name, "Host") || strings.EqualFold(name, "Content-Length") || strings.EqualFold(name, "Transfer-Encoding") {
			continue
		}
		for _, v := range req.Header[name] {
			fields = append(fields, Field{name, v})
		}
	}
	ex := s.Doer.Do(ctx, Request{Method: req.Method, URL: u, Header: fields})
	out, ok := ex.Lint()
	if !ok {
		return lint.Exchange{}, errors.New(ex.Error)
	}
	return out, nil
}
