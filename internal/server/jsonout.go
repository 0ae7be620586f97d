package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// JSON answers are indented for people reading them with curl, but
// indentation costs two spaces per level on every line: a small, deeply
// nested body echoed back indented grows with the square of its depth
// (9,000 levels of "[" made a 162 MB answer). So an answer is indented
// only while that at most doubles it; otherwise it goes out compact, and
// no answer is ever much larger than what it describes.
const indentSlack = 4 << 10 // indentation always allowed on small answers

// maxEchoJSONDepth bounds the nesting of a JSON request body the echo
// endpoints parse. Deeper bodies are a 400 that says so, well below the
// depth at which encoding/json itself gives up.
const maxEchoJSONDepth = 1000

// writeJSON answers code with v as JSON: indented when that stays within
// twice the compact size, compact otherwise. HTML characters are left as
// they are (the answer is application/json with nosniff, never HTML).
func writeJSON(w http.ResponseWriter, code int, v any) {
	body, err := encodeJSON(v)
	if err != nil {
		// Every value the service encodes is its own; this is a bug, but
		// it still gets the one error shape.
		writeErrorJSON(w, http.StatusInternalServerError, "encoding the answer failed: "+err.Error())
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(code)
	w.Write(body)
}

// encodeJSON is v as the service's answers carry it, with a final
// newline: indented when that stays within twice the compact size,
// compact otherwise, HTML characters as they are.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	body := buf.Bytes()
	if size, ok := indentedSize(body, 2*len(body)+indentSlack); ok {
		var out bytes.Buffer
		out.Grow(size)
		if json.Indent(&out, body, "", "  ") == nil {
			return out.Bytes(), nil
		}
	}
	return body, nil
}

// writeErrorJSON writes the one error shape without a request at hand.
func writeErrorJSON(w http.ResponseWriter, code int, detail string) {
	b, _ := json.Marshal(errorBody{Status: code, Error: http.StatusText(code), Detail: detail})
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// outsideStrings calls visit with every byte of src that is not inside a
// JSON string (the opening quote included, the rest of the string not), in
// order, until visit returns false. src need not be valid JSON.
func outsideStrings(src []byte, visit func(c byte) bool) {
	inString, escaped := false, false
	for _, c := range src {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		inString = c == '"'
		if !visit(c) {
			return
		}
	}
}

// indentedSize is the length json.Indent(dst, src, "", "  ") would give
// for compact JSON src, computed without building it; ok is false as soon
// as it passes limit.
func indentedSize(src []byte, limit int) (size int, ok bool) {
	size = len(src)
	depth, opened := 0, false
	outsideStrings(src, func(c byte) bool {
		if opened {
			opened = false
			if c == '}' || c == ']' { // an empty object or array stays "{}" or "[]"
				depth--
				return true
			}
			size += 1 + 2*depth
		}
		switch c {
		case '{', '[':
			depth++
			opened = true
		case ',':
			size += 1 + 2*depth
		case ':':
			size++
		case '}', ']':
			depth--
			size += 1 + 2*depth
		}
		return size <= limit
	})
	return size, size <= limit
}

// jsonDepth is the deepest nesting of objects and arrays in src, which
// need not be valid JSON; it stops counting past limit.
func jsonDepth(src []byte, limit int) int {
	depth, deepest := 0, 0
	outsideStrings(src, func(c byte) bool {
		switch c {
		case '{', '[':
			depth++
			deepest = max(deepest, depth)
		case '}', ']':
			depth--
		}
		return deepest <= limit
	})
	return deepest
}

// echoJSON checks a request body declared as JSON and returns it compact,
// exactly as sent otherwise (numbers keep their digits, keys their
// order): what the echo endpoints show in "json".
func echoJSON(body []byte) (json.RawMessage, error) {
	if d := jsonDepth(body, maxEchoJSONDepth); d > maxEchoJSONDepth {
		return nil, fmt.Errorf("the JSON body nests more than %d levels deep; the echo takes at most %d", maxEchoJSONDepth, maxEchoJSONDepth)
	}
	var out bytes.Buffer
	out.Grow(len(body))
	if err := json.Compact(&out, body); err != nil {
		return nil, fmt.Errorf("the body is declared as JSON but does not parse: %v", err)
	}
	return out.Bytes(), nil
}
