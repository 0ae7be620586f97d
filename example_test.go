package httpstatus_test

import (
	"errors"
	"fmt"

	"github.com/httpstatus/httpstatus"
)

func ExampleLookup() {
	s, ok := httpstatus.Lookup(413)
	fmt.Println(ok, s.Phrase, s.Aliases[0])
	fmt.Println(s.Spec.Document, s.Spec.Section)
	// Output:
	// true Content Too Large Payload Too Large
	// RFC 9110 15.5.14
}

func ExampleLookup_sharedNumber() {
	s, _ := httpstatus.Lookup(418)
	fmt.Println(s.Phrase, s.Registry)
	for _, other := range s.Also {
		fmt.Println(other.Phrase, other.Registry)
	}
	// Output:
	// (Unused) reserved
	// I'm a teapot unofficial
}

func ExampleText() {
	fmt.Println(httpstatus.Text(422))
	fmt.Println(httpstatus.Text(499) == "") // unofficial: no registry phrase
	// Output:
	// Unprocessable Content
	// true
}

func ExampleSearch() {
	for _, m := range httpstatus.Search("payload too large")[:1] {
		fmt.Println(m.Status.Code, m.Status.Phrase, "matched by", m.Field)
	}
	// Output:
	// 413 Content Too Large matched by alias
}

func ExampleDescribe() {
	s, _ := httpstatus.Describe(432)
	fmt.Println(s.Registry, s.Related[0].Code)

	_, err := httpstatus.Describe(0)
	var notCode *httpstatus.NotStatusCodeError
	fmt.Println(errors.As(err, &notCode), notCode.Reason)
	// Output:
	// unassigned 400
	// true 0 is not an HTTP status code: it means no HTTP response arrived
}

func ExampleMeanings() {
	for _, m := range httpstatus.Meanings(499) {
		fmt.Println(m.Phrase, "-", m.Vendor)
	}
	// Output:
	// Client Closed Request - nginx (also seen in Cloudflare logs)
	// Token Required - Esri ArcGIS Server
}

func ExampleClassOf() {
	c, _ := httpstatus.ClassOf(503)
	info, _ := c.Info()
	fmt.Println(c, info.Name, info.Fallback)
	// Output:
	// 5xx Server Error 500
}

func ExampleConstants_List() {
	s, _ := httpstatus.Lookup(404)
	for _, c := range s.Constants.List()[:2] {
		fmt.Println(c.Language, c.Name)
	}
	// Output:
	// Go http.StatusNotFound
	// Python HTTPStatus.NOT_FOUND
}

func ExampleStatus_Standing() {
	for _, code := range []int{404, 104, 418, 499} {
		s, _ := httpstatus.Lookup(code)
		fmt.Println(code, s.Standing())
	}
	// Output:
	// 404 Registered
	// 104 Temporary registration, expires 2026-11-13
	// 418 Reserved (unused)
	// 499 Unofficial: nginx (also seen in Cloudflare logs)
}
