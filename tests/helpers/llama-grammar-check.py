"""Turns JSON Schemas into GBNF with llama.cpp's own converters, then checks what llama.cpp's
grammar parser would refuse: the escapes its parse_char knows (llama-grammar.cpp).

Usage: python3 llama-grammar-check.py SOURCE SCHEMA.json...
SOURCE is an unpacked llama-cpp-python sdist. Prints one JSON object: schema file -> errors.
"""
import importlib.util
import json
import sys
from pathlib import Path

# parse_char in llama.cpp's src/llama-grammar.cpp: any other escape is "unknown escape".
HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
PLAIN_ESCAPES = set("trn\\\"[]")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def converters(source):
    """The converter llama-cpp-python's server uses, and llama.cpp's reference one."""
    server = load("llama_grammar", source / "llama_cpp" / "llama_grammar.py")
    reference = load("json_schema_to_grammar", source / "vendor" / "llama.cpp" / "examples" / "json_schema_to_grammar.py")

    def llama_cpp_python(schema):
        return server.json_schema_to_gbnf(json.dumps(schema))

    def llama_cpp(schema):
        converter = reference.SchemaConverter(prop_order={}, allow_fetch=False, dotall=False, raw_pattern=False)
        resolved = converter.resolve_refs(schema, "schema")
        converter.visit(resolved, "")
        return converter.format_grammar()

    return {"llama-cpp-python": llama_cpp_python, "llama.cpp": llama_cpp}


def escape_errors(grammar):
    """Escapes inside literals and character classes that llama.cpp's parser does not know."""
    errors = []
    quote = None
    i = 0
    while i < len(grammar):
        c = grammar[i]
        if quote is None:
            if c == "#":
                end = grammar.find("\n", i)
                i = len(grammar) if end < 0 else end
                continue
            if c in "\"[":
                quote = '"' if c == '"' else "]"
        elif c == "\\":
            kind = grammar[i + 1 : i + 2]
            if kind in HEX_DIGITS:
                digits = grammar[i + 2 : i + 2 + HEX_DIGITS[kind]]
                if len(digits) != HEX_DIGITS[kind] or any(d not in "0123456789abcdefABCDEF" for d in digits):
                    errors.append(f"bad hex escape at {grammar[i:i + 12]!r}")
                i += 2 + HEX_DIGITS[kind]
                continue
            if kind not in PLAIN_ESCAPES:
                errors.append(f"unknown escape at {grammar[i:i + 12]!r}")
            i += 2
            continue
        elif c == quote:
            quote = None
        i += 1
    if quote is not None:
        errors.append("unterminated literal or character class")
    return errors


def main():
    source = Path(sys.argv[1])
    results = {}
    for file in sys.argv[2:]:
        schema = json.loads(Path(file).read_text())
        errors = []
        for name, convert in converters(source).items():
            try:
                grammar = convert(schema)
            except Exception as error:  # the converter's own refusal: an assertion or a ValueError
                errors.append(f"{name}: {type(error).__name__}: {error}")
                continue
            errors.extend(f"{name}: {error}" for error in escape_errors(grammar))
        results[file] = errors
    print(json.dumps(results))


if __name__ == "__main__":
    main()
