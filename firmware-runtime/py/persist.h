/* Code objects as portable bytes: how frozen modules are stored in the image.
 *
 * The build compiles each frozen module on the host (py/frozen/dump.c) and stores the module's
 * code object tree in this format; import rebuilds the objects (persist.c) instead of lexing,
 * parsing and compiling the source on the board.  The host is 64-bit and the board 32-bit, so
 * nothing in it is a machine word: every number is a LEB128 varint ("u": unsigned, "z": signed,
 * zigzag-coded), every object a tagged record.
 *
 *   blob    := "VB" VERSION  u:nstr  str*nstr                   string table
 *              u:len*5  code names consts lines ops args       sections: the byte lengths of
 *                                                               the first five, then their bytes
 *   str     := u:(len << 1 | interned)  byte*len               (UTF-8; string table, by index)
 *
 * The consts section starts with the module's code object, an obj; each code object's parts
 * are spread over the sections, in the same order in each (so similar bytes sit together and
 * compress better: about 3.5% smaller packed than one record after another):
 *
 *   obj     := 'N' | 'T' | 'F' | 'E'                            None True False Ellipsis
 *            | 'i' z:value                                      int fitting 64 bits
 *            | 'I' u:len byte*len                               other int, decimal digits
 *            | 'f' byte*8                                       float, IEEE 754 little-endian
 *            | 's' u:stridx                                     str
 *            | 'b' u:len byte*len                               bytes
 *            | 't' u:n obj*n                                    tuple
 *            | 'c' code
 *   code    := in code:   u:argcount u:kwonlycount u:nlocals u:ncells u:nfree u:stacksize
 *                         u:flags u:firstline u:name u:qualname (name, qualname: stridx)
 *                         u:len                                 the VM's bytecode length
 *              in ops:    byte*                                 the opcodes
 *              in args:   u:arg*                                the argument of each opcode
 *                                                               >= OP_HAVE_ARG, in order
 *              in lines:  u:npairs (u:offset_delta z:line_delta)*npairs   line table, delta-coded
 *                         u:ncell2arg z*ncell2arg               0 when the code has none
 *              in consts: u:n obj*n                             consts
 *              in names:  (u:n u:stridx*n)*4                    names varnames cellnames freenames
 *
 * Strings keep whether they were interned, so identity-based name lookups behave as after
 * compiling.  The file name is not stored: the loader gives every code object the one passed.
 */
#ifndef VBPY_PERSIST_H
#define VBPY_PERSIST_H

#include "py.h"

#define PERSIST_VERSION 3

/* Rebuilds the module code object; raises ValueError on a malformed or foreign blob. */
Value persist_load(const uint8_t *blob, size_t len, Value filename);

/* The image stores blobs packed, 46% smaller: u:len (of the blob), a raw DEFLATE stream (RFC
 * 1951) written by freeze.py, then 3 zero bytes (padding the decoder's reads may run into; see
 * persist.c).  Unpacks into a temporary buffer. */
Value persist_load_packed(const uint8_t *packed, size_t len, Value filename);

/* Appends the blob for a module code object (host build tool, py/frozen/dump.c). */
void persist_dump(Value code, SB *out);

#endif
