package httpstatus

// rfc9110 is the Spec of a section of RFC 9110, HTTP Semantics.
func rfc9110(section string) Spec { return rfcSection("9110", section) }

// rfcSection is the Spec of a section of an RFC, anchored at the section.
func rfcSection(number, section string) Spec {
	s := Spec{Document: "RFC " + number, Section: section, URL: "https://www.rfc-editor.org/rfc/rfc" + number + ".html"}
	if section != "" {
		s.URL += "#section-" + section
	}
	return s
}
