/* Tokenizer: Python source to a token array, with INDENT/DEDENT (Python language reference,
 * "Lexical analysis"). */
#ifndef VBPY_LEXER_H
#define VBPY_LEXER_H

#include "py.h"

enum {
  T_EOF, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_INT, T_FLOAT, T_STRING, T_BYTES, T_FSTRING,
  /* keywords */
  K_FALSE, K_NONE, K_TRUE, K_AND, K_AS, K_ASSERT, K_ASYNC, K_AWAIT, K_BREAK, K_CLASS,
  K_CONTINUE, K_DEF, K_DEL, K_ELIF, K_ELSE, K_EXCEPT, K_FINALLY, K_FOR, K_FROM, K_GLOBAL,
  K_IF, K_IMPORT, K_IN, K_IS, K_LAMBDA, K_NONLOCAL, K_NOT, K_OR, K_PASS, K_RAISE, K_RETURN,
  K_TRY, K_WHILE, K_WITH, K_YIELD,
  /* operators */
  O_LPAR, O_RPAR, O_LSQB, O_RSQB, O_LBRACE, O_RBRACE, O_COLON, O_COMMA, O_SEMI, O_PLUS,
  O_MINUS, O_STAR, O_SLASH, O_VBAR, O_AMPER, O_LESS, O_GREATER, O_EQUAL, O_DOT, O_PERCENT,
  O_EQEQUAL, O_NOTEQUAL, O_LESSEQUAL, O_GREATEREQUAL, O_TILDE, O_CIRCUMFLEX, O_LEFTSHIFT,
  O_RIGHTSHIFT, O_DOUBLESTAR, O_PLUSEQUAL, O_MINEQUAL, O_STAREQUAL, O_SLASHEQUAL,
  O_PERCENTEQUAL, O_AMPEREQUAL, O_VBAREQUAL, O_CIRCUMFLEXEQUAL, O_LEFTSHIFTEQUAL,
  O_RIGHTSHIFTEQUAL, O_DOUBLESTAREQUAL, O_DOUBLESLASH, O_DOUBLESLASHEQUAL, O_AT, O_ATEQUAL,
  O_RARROW, O_ELLIPSIS, O_COLONEQUAL,
  T_COUNT
};

typedef struct {
  uint16_t kind;
  uint16_t raw; /* strings: raw prefix given */
  int line;
  int col;
  Value val; /* names: interned str; numbers; strings: decoded str/bytes; f-strings: raw body */
} Token;

typedef struct {
  Token *toks;
  size_t n, cap;
  Value filename;
} TokenList;

/* Tokenizes src; raises SyntaxError on bad input. */
void lex(const char *src, size_t len, Value filename, TokenList *out, int first_line);
NORETURN void syntax_error(Value filename, int line, int col, const char *fmt, ...);
const char *tok_name(int kind);
/* Decodes the escapes of a string literal body (used for f-string literal parts). */
Value decode_string(const char *s, size_t n, bool raw, bool bytes, Value filename, int line);

#endif
