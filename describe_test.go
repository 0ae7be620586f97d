package httpstatus

import (
	"errors"
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	tests := []struct {
		code      int
		registry  Registry
		notStatus bool
		mention   string // text the answer must contain
	}{
		{404, Permanent, false, "Not Found"},
		{999, Unofficial, false, "LinkedIn"},
		{299, Unassigned, false, "Warning"},
		{110, Unassigned, false, "Response is Stale"},
		{432, Unassigned, false, "400 Bad Request"},
		{150, Unassigned, false, "100 Continue"},
		{599, Unofficial, false, ""},
		{0, "", true, "000"},
		{42, "", true, "100 to 599"},
		{600, "", true, "5xx"},
		{-3, "", true, "positive"},
		{1000, "", true, "three digits"},
	}
	for _, tt := range tests {
		s, err := Describe(tt.code)
		var nse *NotStatusCodeError
		if tt.notStatus {
			if !errors.As(err, &nse) || nse.Code != tt.code {
				t.Errorf("Describe(%d) err = %v, want *NotStatusCodeError", tt.code, err)
				continue
			}
			if !strings.Contains(nse.Reason+" "+nse.Detail, tt.mention) {
				t.Errorf("Describe(%d) = %q / %q, want mention of %q", tt.code, nse.Reason, nse.Detail, tt.mention)
			}
			continue
		}
		if err != nil {
			t.Errorf("Describe(%d) err = %v", tt.code, err)
			continue
		}
		if s.Code != tt.code || s.Registry != tt.registry {
			t.Errorf("Describe(%d) = %d %q, want registry %q", tt.code, s.Code, s.Registry, tt.registry)
		}
		text := s.Phrase + " " + s.Vendor + " " + s.Summary + " " + s.Description
		if !strings.Contains(text, tt.mention) {
			t.Errorf("Describe(%d) does not mention %q: %s", tt.code, tt.mention, text)
		}
	}
}

func TestDescribeUnassignedIsComplete(t *testing.T) {
	for code := 100; code <= 599; code++ {
		if _, ok := Lookup(code); ok {
			continue
		}
		s, err := Describe(code)
		if err != nil {
			t.Fatalf("Describe(%d): %v", code, err)
		}
		if s.Summary == "" || s.Description == "" || len(s.Causes) == 0 || len(s.Fixes) == 0 || s.Retry == "" || len(s.Related) != 1 {
			t.Errorf("Describe(%d) is incomplete: %+v", code, s)
		}
		if s.Cacheable {
			t.Errorf("Describe(%d): unrecognised codes must not be cached", code)
		}
		if want := code / 100 * 100; s.Related[0].Code != want {
			t.Errorf("Describe(%d) relates to %d, want %d", code, s.Related[0].Code, want)
		}
	}
}

func TestClasses(t *testing.T) {
	cs := Classes()
	if len(cs) != 5 {
		t.Fatalf("%d classes", len(cs))
	}
	for i, c := range cs {
		if c.Class != Class(i+1) || c.Fallback != (i+1)*100 || c.Name == "" || c.Description == "" || c.Spec.URL == "" {
			t.Errorf("class %d: %+v", i+1, c)
		}
		if _, ok := Lookup(c.Fallback); !ok {
			t.Errorf("fallback %d not in the catalogue", c.Fallback)
		}
	}
	for _, tt := range []struct {
		in   string
		want Class
		ok   bool
	}{{"4xx", ClientError, true}, {"4XX", ClientError, true}, {"1", Informational, true}, {"6xx", 0, false}, {"x", 0, false}, {"", 0, false}, {"44x", 0, false}} {
		got, ok := ParseClass(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseClass(%q) = %v, %v", tt.in, got, ok)
		}
	}
	preds := []struct {
		name string
		f    func(int) bool
		lo   int
		hi   int
	}{{"IsInformational", IsInformational, 100, 199}, {"IsSuccess", IsSuccess, 200, 299}, {"IsRedirect", IsRedirect, 300, 399},
		{"IsClientError", IsClientError, 400, 499}, {"IsServerError", IsServerError, 500, 599}, {"IsError", IsError, 400, 599},
		{"IsValid", IsValid, 100, 599}, {"IsFinal", IsFinal, 200, 599}}
	for _, p := range preds {
		for _, code := range []int{p.lo - 1, p.lo, p.hi, p.hi + 1} {
			if got, want := p.f(code), code >= p.lo && code <= p.hi; got != want {
				t.Errorf("%s(%d) = %v", p.name, code, got)
			}
		}
	}
}
