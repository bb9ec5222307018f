/*
 * vm.h — the engine's central internal header: heap cell layouts (strings,
 * symbols, shapes, objects, function templates, contexts), the runtime and
 * realm structures, and the declarations shared by src/vm and src/builtins.
 *
 * Invariants a reader must keep:
 *  - A property key (hx_key) is an interned string, a symbol, or an array
 *    index (0 .. 2^32-2) encoded with the int tag and read as uint32.
 *  - An object's named properties live in obj->slots, indexed through its
 *    shape; integer-keyed properties with default attributes live in the
 *    dense obj->elems array unless the object is HX_OBJ_SPARSE.
 *  - Functions returning hx_value return HX_EXCEPTION when they threw, with
 *    the thrown value in rt->exception; functions returning int return -1.
 */
#ifndef HX_VM_H
#define HX_VM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include "heron.h"
#include "vm/value.h"
#include "vm/heap.h"
#include "vm/atoms.h"

#ifdef HX_DEBUG
#include <assert.h>
#define HX_ASSERT(c) assert(c)
#else
#define HX_ASSERT(c) ((void)0)
#endif

#if defined(__GNUC__)
#define HX_INTERNAL __attribute__((visibility("hidden")))
#define HX_LIKELY(x) __builtin_expect(!!(x), 1)
#define HX_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define HX_INTERNAL
#define HX_LIKELY(x) (x)
#define HX_UNLIKELY(x) (x)
#endif

/* Named limits (STYLE.md 7). */
#define HX_MAX_CALL_DEPTH 10000     /* JS frames before RangeError */
#define HX_MAX_NATIVE_DEPTH 400     /* nested native->JS re-entries */
#define HX_STACK_VALUES (1u << 20)  /* VM value stack size (8 MiB) */
#define HX_MAX_STRING_LENGTH ((1u << 30) - 32)
#define HX_SHAPE_MAX_TRANSITION_PROPS 1024

typedef hx_value hx_key;
typedef struct hx_realm hx_realm;
typedef struct hx_object hx_object;
typedef struct hx_shape hx_shape;
typedef struct hx_string hx_string;
typedef struct hx_funcdef hx_funcdef;
typedef struct hx_context hx_context;
typedef struct hx_frame hx_frame;

/* ---- Strings ------------------------------------------------------------ */

enum {
    HX_STR_WIDE = 1 << 0,     /* UTF-16 storage, otherwise Latin-1 */
    HX_STR_ROPE = 1 << 1,     /* a concatenation node (hx_rope) */
    HX_STR_INTERNED = 1 << 2, /* member of the atom table */
    HX_STR_INDEX_KNOWN = 1 << 3,
    HX_STR_IS_INDEX = 1 << 4, /* canonical array index; value in index */
};

struct hx_string {
    hx_cell hdr; /* extra: hash, 0 until computed */
    uint32_t len;
    uint32_t index; /* array index value when HX_STR_IS_INDEX */
    /* flat strings: characters follow (uint8_t Latin-1 or uint16_t UTF-16) */
};

typedef struct hx_rope {
    hx_string base; /* HX_STR_ROPE set; len is the total length */
    hx_string *left, *right;
    hx_string *flat; /* set once flattened */
    uint32_t depth;
} hx_rope;

static inline bool hx_str_is_wide(const hx_string *s) { return s->hdr.flags & HX_STR_WIDE; }
static inline uint8_t *hx_str_latin1(hx_string *s) { return (uint8_t *)(s + 1); }
static inline uint16_t *hx_str_utf16(hx_string *s) { return (uint16_t *)(s + 1); }
static inline hx_string *hx_as_string(hx_value v) { return (hx_string *)hx_get_ptr(v); }
static inline hx_value hx_string_value(hx_string *s) { return HX_PTR_VALUE(HX_TAG_STRING, s); }

/* ---- Symbols ------------------------------------------------------------ */

typedef struct hx_symbol {
    hx_cell hdr;           /* flags: HX_SYM_REGISTERED, HX_SYM_PRIVATE */
    hx_value description;  /* string or undefined */
} hx_symbol;
enum { HX_SYM_REGISTERED = 1, HX_SYM_PRIVATE = 2 };
static inline hx_symbol *hx_as_symbol(hx_value v) { return (hx_symbol *)hx_get_ptr(v); }

/* ---- Shapes ------------------------------------------------------------- */

enum {
    HX_PROP_WRITABLE = 1,
    HX_PROP_ENUMERABLE = 2,
    HX_PROP_CONFIGURABLE = 4,
    HX_PROP_ACCESSOR = 8, /* slot holds an hx_accessor cell */
    HX_PROP_DEFAULT = HX_PROP_WRITABLE | HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE,
    HX_PROP_BUILTIN = HX_PROP_WRITABLE | HX_PROP_CONFIGURABLE, /* methods of builtins */
};

typedef struct hx_prop {
    hx_key key;
    uint32_t flags;
    uint32_t slot;
} hx_prop;

enum { HX_SHAPE_DICT = 1 }; /* owned by one object, mutated in place, never cached */

/* A shape describes the ordered named properties and the prototype of the
 * objects that share it.  Transition shapes form a tree: a child adds one
 * property to its parent.  props/index are built lazily for lookup. */
struct hx_shape {
    hx_cell hdr; /* flags: HX_SHAPE_DICT */
    hx_object *proto;
    hx_shape *parent;
    hx_prop last;      /* the property this shape adds (transition shapes) */
    uint32_t count;    /* number of properties */
    uint32_t slot_count; /* slots needed by objects of this shape */
    hx_prop *props;    /* all properties in order (lazily built for transition shapes) */
    uint32_t props_cap;
    uint32_t *index;   /* open-addressed hash: prop number + 1, 0 empty */
    uint32_t index_mask;
    hx_shape **children; /* transitions */
    uint32_t child_count, child_cap;
};

/* ---- Objects ------------------------------------------------------------ */

/* Object classes: ordinary behaviour plus the internal data of each family. */
typedef enum hx_class_id {
    HX_CLASS_OBJECT,
    HX_CLASS_ARRAY,
    HX_CLASS_FUNCTION,        /* bytecode closure */
    HX_CLASS_NATIVE_FUNCTION, /* C function */
    HX_CLASS_BOUND_FUNCTION,
    HX_CLASS_ERROR,
    HX_CLASS_BOOLEAN,
    HX_CLASS_NUMBER,
    HX_CLASS_STRING,
    HX_CLASS_SYMBOL,
    HX_CLASS_BIGINT,
    HX_CLASS_DATE,
    HX_CLASS_REGEXP,
    HX_CLASS_ARGUMENTS,        /* unmapped arguments object */
    HX_CLASS_MAPPED_ARGUMENTS, /* sloppy-mode arguments aliasing the parameters */
    HX_CLASS_GENERATOR,
    HX_CLASS_FOR_IN_ITERATOR,
    HX_CLASS_ARRAY_ITERATOR,
    HX_CLASS_STRING_ITERATOR,
    HX_CLASS_MAP,
    HX_CLASS_SET,
    HX_CLASS_WEAKMAP,
    HX_CLASS_WEAKSET,
    HX_CLASS_MAP_ITERATOR,
    HX_CLASS_SET_ITERATOR,
    HX_CLASS_PROXY,
    HX_CLASS_ARRAY_BUFFER,
    HX_CLASS_TYPED_ARRAY,
    HX_CLASS_DATA_VIEW,
    HX_CLASS_PROMISE,
    HX_CLASS_WEAKREF,
    HX_CLASS_FINALIZATION_REGISTRY,
    HX_CLASS_REGEXP_STRING_ITERATOR,
    HX_CLASS_ITERATOR_HELPER,
    HX_CLASS_WRAP_FOR_VALID_ITERATOR,
    HX_CLASS_ASYNC_FROM_SYNC_ITERATOR,
    HX_CLASS_MODULE_NAMESPACE,
    HX_CLASS_INTERNAL, /* internal record objects (not reachable from JS) */
    HX_CLASS_COUNT
} hx_class_id;

enum {
    HX_OBJ_EXTENSIBLE = 1 << 0,
    HX_OBJ_CALLABLE = 1 << 1,
    HX_OBJ_CONSTRUCTOR = 1 << 2,
    HX_OBJ_SPARSE = 1 << 3,       /* integer keys are ordinary shape properties */
    HX_OBJ_FROZEN_ELEMS = 1 << 4, /* elements are non-writable/non-configurable (frozen array fast path off) */
    HX_OBJ_HAS_INDEX_PROPS = 1 << 5,
    HX_OBJ_IS_HTMLDDA = 1 << 6,
    HX_OBJ_CLASS_CONSTRUCTOR = 1 << 7, /* throws when called without new */
    HX_OBJ_ARRAY_LENGTH_RO = 1 << 8,
    HX_OBJ_IMMUTABLE_PROTO = 1 << 9, /* [[SetPrototypeOf]] only to the same value (ES2025 10.4.7) */
};
/* Slots stored inline after the object: capacity in hdr.flags bits 12-15. */
#define HX_OBJ_INLINE_SHIFT 12
#define HX_OBJ_INLINE_MAX 8
static inline uint32_t hx_object_inline_cap(const hx_object *o);
static inline bool hx_object_slots_inline(const hx_object *o);

typedef hx_value (*hx_native_fn)(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic);

typedef struct hx_accessor {
    hx_cell hdr;
    hx_value getter, setter; /* function objects or undefined */
} hx_accessor;

struct hx_object {
    hx_cell hdr; /* flags: HX_OBJ_*; extra: hx_class_id */
    hx_shape *shape;
    hx_shape *proto_root; /* root shape of objects having this object as prototype */
    hx_value *slots;
    uint32_t slot_cap;
    uint32_t elem_len; /* dense elements present: elems[0 .. elem_len) (holes allowed) */
    uint32_t elem_cap;
    hx_value *elems;
    union {
        struct {
            uint32_t length;
        } array;
        struct {
            hx_funcdef *def;
            hx_context *ctx;
            hx_value home_object; /* for super lookups */
            hx_value fields;      /* class constructors: field initialiser function or undefined */
            hx_realm *realm;
        } closure;
        struct {
            hx_native_fn fn;
            hx_realm *realm;
            int32_t magic;
            hr_native_fn api_fn; /* functions created through the public API */
            void *api_data;
            hx_value data; /* extra value for closures made by builtins */
            hx_value data2;
        } native;
        struct {
            hx_value target, this_value;
            hx_value *args;
            uint32_t argc;
        } bound;
        struct {
            hx_value value; /* wrapped primitive, Date time value, error data */
        } primitive;
        struct {
            hx_value slots[4]; /* generic internal data for builtin classes */
            void *ptr;
            uint64_t bits;
        } data;
    } u;
};

static inline hx_object *hx_as_object(hx_value v) { return (hx_object *)hx_get_ptr(v); }
static inline uint32_t hx_object_inline_cap(const hx_object *o) { return (o->hdr.flags >> HX_OBJ_INLINE_SHIFT) & 15u; }
static inline bool hx_object_slots_inline(const hx_object *o) { return o->slots == (hx_value *)(o + 1); }
static inline hx_value hx_object_value(hx_object *o) { return HX_PTR_VALUE(HX_TAG_OBJECT, o); }
static inline hx_class_id hx_class_of(const hx_object *o) { return (hx_class_id)o->hdr.extra; }
static inline bool hx_is_callable(hx_value v) {
    return hx_is_object(v) && (hx_as_object(v)->hdr.flags & HX_OBJ_CALLABLE);
}
static inline bool hx_is_constructor(hx_value v) {
    return hx_is_object(v) && (hx_as_object(v)->hdr.flags & HX_OBJ_CONSTRUCTOR);
}
static inline bool hx_is_array_obj(hx_value v) {
    return hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_ARRAY;
}

/* ---- Contexts (heap environments) --------------------------------------- */

enum {
    HX_CTX_WITH = 1,     /* slots[0] is the object environment's binding object */
    HX_CTX_FUNCTION = 2, /* a function's top context (var scope for sloppy eval) */
    HX_CTX_EVAL_VARS = 4 /* has an object of names added by sloppy direct eval (slots[count-1]) */
};

/* hx_scopeinfo.kinds bits per slot */
enum {
    HX_SLOT_UNINIT = 1,  /* starts in the temporal dead zone */
    HX_SLOT_CONST = 2,   /* assignment is a TypeError */
    HX_SLOT_LEXICAL = 4, /* let/const/class: sloppy eval may not declare a var of this name */
};

typedef struct hx_scopeinfo {
    hx_cell hdr;
    uint32_t count;
    hx_value *names;     /* interned strings, one per slot (HX_UNDEFINED for internal slots) */
    uint8_t *kinds;      /* hx_binding_kind per slot */
} hx_scopeinfo;

struct hx_context {
    hx_cell hdr; /* flags: HX_CTX_* */
    hx_context *parent;
    hx_object *eval_vars; /* function scopes: vars added by sloppy direct eval */
    hx_scopeinfo *info; /* may be NULL for anonymous contexts */
    uint32_t count;
    hx_value slots[]; /* HX_UNINIT while in the temporal dead zone */
};

/* ---- Function templates --------------------------------------------------- */

enum {
    HX_FD_STRICT = 1 << 0,
    HX_FD_ARROW = 1 << 1,
    HX_FD_GENERATOR = 1 << 2,
    HX_FD_ASYNC = 1 << 3,
    HX_FD_METHOD = 1 << 4,
    HX_FD_CLASS_CONSTRUCTOR = 1 << 5,
    HX_FD_DERIVED = 1 << 6,
    HX_FD_GETTER = 1 << 7,
    HX_FD_SETTER = 1 << 8,
    HX_FD_NEEDS_ARGUMENTS = 1 << 9,
    HX_FD_MAPPED_ARGUMENTS = 1 << 10,
    HX_FD_HAS_CONTEXT = 1 << 11, /* allocates a context on entry */
    HX_FD_IS_SCRIPT = 1 << 12,
    HX_FD_IS_EVAL = 1 << 13,
    HX_FD_CLASS_FIELD_INIT = 1 << 14,
    HX_FD_CONSTRUCTOR = 1 << 15, /* may be called with new */
    HX_FD_NEEDS_HOME = 1 << 16,
    HX_FD_HAS_REST = 1 << 17, /* reads its arguments beyond the parameters (rest) */
};

typedef struct hx_handler {
    uint32_t start, end; /* protected pc range [start, end) */
    uint32_t target;     /* handler pc */
    uint32_t depth;      /* operand stack depth at the handler */
} hx_handler;

/* An inline cache entry.  Reads: shape (+ holder/holder_shape for a hit on
 * the prototype).  Adds (property creation): shape -> new_shape at slot,
 * valid while the prototype chain still has the shapes in protos[]. */
typedef struct hx_ic {
    hx_shape *shape;  /* receiver shape */
    hx_shape *holder_shape; /* prototype holder's shape, NULL if own */
    hx_object *holder;
    uint32_t slot;
    uint32_t nprotos; /* add transitions: prototype chain length checked */
    hx_shape *new_shape;
    hx_shape *protos[3];
} hx_ic;

typedef struct hx_source {
    hx_cell hdr;
    char *filename;
    char *text; /* UTF-8 source, NUL-terminated */
    size_t len;
} hx_source;

struct hx_funcdef {
    hx_cell hdr;
    uint32_t flags;     /* HX_FD_* */
    uint8_t *code;
    uint32_t code_len;
    hx_value *consts;   /* numbers, strings, nested funcdefs (as cell values), templates */
    uint32_t const_count;
    hx_handler *handlers;
    uint32_t handler_count;
    hx_ic *ics;
    uint32_t ic_count;
    uint32_t *lines;    /* pairs (pc, line << 12 | column) sorted by pc; see position lookup */
    uint32_t line_count;
    uint16_t param_count;   /* formal parameters (registers 0..param_count-1) */
    uint16_t length;        /* the function's "length" */
    uint32_t reg_count;     /* locals after parameters */
    uint32_t stack_size;    /* max operand stack depth */
    uint32_t ctx_slots;     /* slots of the context allocated on entry */
    hx_scopeinfo *ctx_info;
    hx_value name;          /* string */
    hx_source *source;
    uint32_t src_start, src_end; /* byte range of the function text */
    int32_t this_reg, new_target_reg, arguments_reg, home_reg, func_reg; /* -1 if unused */
};

/* ---- Frames and the VM stack ------------------------------------------------ */

struct hx_frame {
    hx_frame *caller;      /* NULL-terminated chain of active frames */
    hx_object *callee;     /* the closure (NULL for native frames) */
    hx_funcdef *def;
    const uint8_t *pc;
    hx_value *regs;        /* parameters, then locals */
    hx_value *sp;          /* operand stack top (points past the last value) */
    hx_value *stack_base;  /* operand stack bottom */
    hx_context *ctx;
    hx_value this_value;
    hx_value new_target;
    hx_value *argv;        /* actual arguments (for the arguments object) */
    uint32_t argc;
    uint16_t flags;        /* HX_FRAME_* */
    uint16_t native_depth;
    hx_object *generator;  /* the generator object owning this frame, if any */
    hx_realm *realm;
    hx_value *prev_stack_top; /* rt->stack_top to restore when the frame is popped */
    uint32_t nregs;           /* registers in use (params + locals) */
    uint32_t ret_pop;         /* caller stack values the call consumed (JS-to-JS calls) */
};

enum {
    HX_FRAME_CONSTRUCT = 1,  /* called with new: the result is checked */
    HX_FRAME_ENTRY = 2,      /* returning from it leaves the interpreter loop */
    HX_FRAME_NATIVE = 4,     /* a native function's frame (for stack traces) */
};

/* Saved state of a suspended generator / async function: the frame and a
 * copy of its registers and operand stack (DESIGN.md §4). */
typedef struct hx_genframe {
    hx_cell hdr;
    hx_frame frame;       /* regs/sp/stack_base are offsets into values[] while saved */
    uint32_t nvalues;     /* registers + operand stack values saved */
    uint32_t cap;
    hx_value values[];
} hx_genframe;

typedef struct hx_bigint {
    hx_cell hdr;          /* flags: 1 = negative */
    uint32_t len;         /* limbs in use; 0 means zero */
    uint64_t limbs[];
} hx_bigint;

/* ---- Realm ---------------------------------------------------------------- */

#define HX_INTRINSIC_LIST(X)                                                                   \
    X(ObjectPrototype) X(FunctionPrototype) X(ArrayPrototype) X(StringPrototype)               \
    X(NumberPrototype) X(BooleanPrototype) X(SymbolPrototype) X(BigIntPrototype)               \
    X(ErrorPrototype) X(TypeErrorPrototype) X(RangeErrorPrototype) X(SyntaxErrorPrototype)     \
    X(ReferenceErrorPrototype) X(EvalErrorPrototype) X(URIErrorPrototype)                      \
    X(AggregateErrorPrototype) X(IteratorPrototype) X(ArrayIteratorPrototype)                  \
    X(StringIteratorPrototype) X(GeneratorFunctionPrototype) X(GeneratorPrototype)             \
    X(AsyncFunctionPrototype) X(AsyncGeneratorFunctionPrototype) X(AsyncGeneratorPrototype)    \
    X(AsyncIteratorPrototype) X(AsyncFromSyncIteratorPrototype)                                \
    X(RegExpPrototype) X(DatePrototype) X(MapPrototype) X(SetPrototype) X(WeakMapPrototype)    \
    X(WeakSetPrototype) X(MapIteratorPrototype) X(SetIteratorPrototype) X(PromisePrototype)    \
    X(ProxyConstructor) X(ArrayBufferPrototype) X(SharedArrayBufferPrototype)                  \
    X(DataViewPrototype) X(TypedArrayPrototype) X(TypedArray)                                  \
    X(Int8ArrayPrototype) X(Uint8ArrayPrototype) X(Uint8ClampedArrayPrototype)                 \
    X(Int16ArrayPrototype) X(Uint16ArrayPrototype) X(Int32ArrayPrototype)                      \
    X(Uint32ArrayPrototype) X(Float16ArrayPrototype) X(Float32ArrayPrototype)                  \
    X(Float64ArrayPrototype) X(BigInt64ArrayPrototype) X(BigUint64ArrayPrototype)              \
    X(RegExpStringIteratorPrototype) X(IteratorHelperPrototype) X(WrapForValidIteratorPrototype) \
    X(WeakRefPrototype) X(FinalizationRegistryPrototype)                                       \
    X(Object) X(Function) X(Array) X(String) X(Number) X(Boolean) X(Symbol) X(BigInt) X(Error) \
    X(TypeError) X(RangeError) X(SyntaxError) X(ReferenceError) X(EvalError) X(URIError)       \
    X(AggregateError) X(RegExp) X(Date) X(Promise) X(Map) X(Set) X(WeakMap) X(WeakSet)         \
    X(ArrayBuffer) X(DataView) X(eval) X(ThrowTypeError) X(ArrayProto_values)                  \
    X(GeneratorFunction) X(AsyncFunction) X(AsyncGeneratorFunction) X(Iterator)                \
    X(ArrayProto_toString) X(ObjProto_toString)                                              \
    X(SharedArrayBuffer) X(Int8Array) X(Uint8Array) X(Uint8ClampedArray) X(Int16Array)        \
    X(Uint16Array) X(Int32Array) X(Uint32Array) X(Float16Array) X(Float32Array)               \
    X(Float64Array) X(BigInt64Array) X(BigUint64Array)                                         \
    X(ArrayIteratorProto_next)

typedef enum hx_intrinsic {
#define HX_X(name) HX_INTR_##name,
    HX_INTRINSIC_LIST(HX_X)
#undef HX_X
    HX_INTRINSIC_COUNT
} hx_intrinsic;

struct hx_realm {
    hx_cell hdr;
    hx_runtime *rt;
    hx_object *global;
    hx_object *global_lex;  /* script-scope let/const/class bindings (a null-prototype object) */
    hx_value global_this;
    hx_value intrinsics[HX_INTRINSIC_COUNT];
    hx_value template_cache; /* Map-like object: site key -> template object */
    hx_shape *array_shape;   /* shape of fresh arrays: the "length" property */
    hx_shape *closure_shapes[4]; /* fresh closures: [0] length,name  [1] +prototype  [2] generator  [3] a
                                    constructor's prototype object: constructor */
    hr_realm *api;       /* the public handle (same pointer, see api.c) */
    void *opaque;
    bool host_released;
    hx_realm *next_realm;
    /* --- iterator family (src/vm/iterator.c) --- */
    hx_shape *iter_result_shape; /* {value, done} on %Object.prototype%; NULL until first use */
};

#define HX_INTR(realm, name) ((realm)->intrinsics[HX_INTR_##name])
#define HX_INTR_OBJ(realm, name) hx_as_object(HX_INTR(realm, name))

/* ---- Runtime -------------------------------------------------------------- */

typedef enum hx_atom_id {
#define HX_X(id, text) HX_ATOM_##id,
    HX_ATOM_LIST(HX_X)
#undef HX_X
    HX_ATOM_COUNT
} hx_atom_id;

#define HX_WELL_KNOWN_SYMBOLS(X)                                                              \
    X(asyncIterator) X(hasInstance) X(isConcatSpreadable) X(iterator) X(match) X(matchAll)    \
    X(replace) X(search) X(species) X(split) X(toPrimitive) X(toStringTag) X(unscopables)

typedef enum hx_symbol_id {
#define HX_X(name) HX_SYM_##name,
    HX_WELL_KNOWN_SYMBOLS(HX_X)
#undef HX_X
    HX_SYMBOL_COUNT
} hx_symbol_id;

typedef struct hx_persistent_node {
    hx_value value;
    struct hx_persistent_node *prev, *next;
} hx_persistent_node;

typedef struct hx_job {
    struct hx_job *next;
    hx_value (*run)(hx_realm *realm, hx_value *args);
    hx_realm *realm;
    hx_value args[4];
} hx_job;

struct hx_runtime {
    /* memory */
    hr_realloc_fn realloc_fn;
    void *realloc_opaque;
    size_t mem_used, mem_limit, gc_threshold;
    bool gc_stress, in_gc, oom;
    hx_cell *all_cells;
    size_t cell_count;
    hx_cell **gray;
    size_t gray_len, gray_cap;
    /* handles */
    hx_value *handles;
    size_t handles_len, handles_cap;
    hx_persistent_node persistents; /* circular list sentinel */
    /* atoms (interned strings): open-addressed table of hx_string* */
    hx_string **atom_table;
    uint32_t atom_count, atom_mask;
    hx_value atoms[HX_ATOM_COUNT];
    hx_value symbols[HX_SYMBOL_COUNT];
    hx_object *symbol_registry; /* Symbol.for table: string -> symbol */
    hx_shape *empty_shape_null_proto;
    /* execution */
    hx_value *stack, *stack_end;
    hx_value *stack_top;      /* first free value slot */
    hx_frame *frame;          /* innermost active frame */
    hx_frame *frames;         /* frame pool: frames[i] for call depth i */
    int call_depth, native_depth, max_call_depth;
    hx_value exception;       /* pending exception, HX_UNDEFINED if none */
    bool has_exception;
    bool interrupted;         /* the pending exception is the interrupt */
    uint32_t interrupt_counter;
    hr_interrupt_fn interrupt_fn;
    void *interrupt_opaque;
    /* jobs */
    hx_job *jobs_head, *jobs_tail;
    bool running_jobs;
    /* realms */
    hx_realm *realms;
    hx_realm *current_realm;
    /* misc */
    uint64_t random_state;
    hx_value oom_error; /* pre-made message for out-of-memory */
};

#define HX_ATOM(rt, id) ((rt)->atoms[HX_ATOM_##id])
#define HX_SYMBOL(rt, id) ((rt)->symbols[HX_SYM_##id])

/* ---- Shared internal interface (the vm files) ---------------------------------- */

/* runtime.c */
hx_value hx_throw(hx_realm *realm, hx_value v);
hx_value hx_throw_error(hx_realm *realm, hr_error_kind kind, const char *fmt, ...);
hx_value hx_throw_type_error(hx_realm *realm, const char *fmt, ...);
hx_value hx_throw_range_error(hx_realm *realm, const char *fmt, ...);
hx_value hx_throw_reference_error(hx_realm *realm, const char *fmt, ...);
hx_value hx_throw_syntax_error(hx_realm *realm, const char *fmt, ...);
hx_value hx_throw_oom(hx_runtime *rt);
hx_value hx_take_exception(hx_runtime *rt);
bool hx_check_interrupt(hx_runtime *rt);

/* string.c */
hx_string *hx_string_alloc(hx_runtime *rt, uint32_t len, bool wide);
hx_value hx_string_from_latin1(hx_runtime *rt, const uint8_t *s, size_t len);
hx_value hx_string_from_utf16(hx_runtime *rt, const uint16_t *s, size_t len);
hx_value hx_string_from_utf8(hx_runtime *rt, const char *s, size_t len);
hx_value hx_string_from_cstr(hx_runtime *rt, const char *s);
hx_value hx_string_concat(hx_runtime *rt, hx_value a, hx_value b);
hx_string *hx_string_flat(hx_runtime *rt, hx_string *s); /* NULL on OOM */
uint16_t hx_string_char_at(hx_string *flat, uint32_t i);
uint32_t hx_string_hash(hx_runtime *rt, hx_string *s);
bool hx_string_equal(hx_runtime *rt, hx_string *a, hx_string *b);
int hx_string_compare(hx_runtime *rt, hx_string *a, hx_string *b);
hx_value hx_string_substring(hx_runtime *rt, hx_string *s, uint32_t start, uint32_t end);
char *hx_string_to_utf8(hx_runtime *rt, hx_string *s, size_t *len_out); /* hx_mem_alloc'd, len+1 */
char *hx_string_to_wtf8(hx_runtime *rt, hx_string *s, size_t *len_out); /* lone surrogates kept */
hx_value hx_string_from_int(hx_runtime *rt, int64_t i);
hx_value hx_string_from_char(hx_runtime *rt, uint16_t c);
int32_t hx_string_index_of(hx_runtime *rt, hx_string *hay, hx_string *needle, uint32_t from);

/* String builder (grows a UTF-16 or Latin-1 buffer). */
typedef struct hx_sb {
    hx_runtime *rt;
    uint8_t *buf;
    uint32_t len, cap;
    bool wide, failed;
} hx_sb;
void hx_sb_init(hx_sb *sb, hx_runtime *rt);
void hx_sb_add_char(hx_sb *sb, uint32_t c); /* code point; supplementary chars become pairs */
void hx_sb_add_unit(hx_sb *sb, uint16_t u);
void hx_sb_add_cstr(hx_sb *sb, const char *s);
void hx_sb_add_latin1(hx_sb *sb, const uint8_t *s, size_t n);
void hx_sb_add_string(hx_sb *sb, hx_string *s);
hx_value hx_sb_finish(hx_sb *sb); /* HX_EXCEPTION on OOM/too long */
void hx_sb_free(hx_sb *sb);

/* atom.c */
hx_value hx_atom_intern(hx_runtime *rt, hx_string *s); /* returns interned string value */
hx_value hx_atom_from_cstr(hx_runtime *rt, const char *s);
hx_value hx_atom_from_utf8(hx_runtime *rt, const char *s, size_t len);
void hx_atom_remove(hx_runtime *rt, hx_string *s); /* called by the sweeper */
bool hx_atom_init(hx_runtime *rt);
/* Converts a property-key candidate (string, symbol, number) to a key. */
hx_key hx_key_from_string(hx_runtime *rt, hx_value str);
hx_key hx_key_from_index(hx_runtime *rt, uint32_t index);
static inline bool hx_key_is_index(hx_key k) { return hx_is_int(k); }
static inline uint32_t hx_key_index(hx_key k) { return (uint32_t)k; }
static inline hx_key hx_index_key(uint32_t i) { return HX_MAKE(HX_TAG_INT, i); }
hx_value hx_key_to_value(hx_runtime *rt, hx_key k); /* string or symbol */

/* shape.c */
hx_shape *hx_shape_root(hx_runtime *rt, hx_object *proto);
hx_shape *hx_shape_add(hx_runtime *rt, hx_shape *sh, hx_key key, uint32_t flags);
int32_t hx_shape_find(hx_runtime *rt, hx_shape *sh, hx_key key); /* prop number or -1 */
hx_prop *hx_shape_props(hx_runtime *rt, hx_shape *sh); /* NULL on OOM */
hx_shape *hx_shape_to_dict(hx_runtime *rt, hx_shape *sh);
hx_shape *hx_shape_with_proto(hx_runtime *rt, hx_shape *sh, hx_object *proto);
hx_shape *hx_shape_change_flags(hx_runtime *rt, hx_shape *sh, uint32_t prop, uint32_t flags);
int hx_shape_dict_remove(hx_runtime *rt, hx_shape *sh, uint32_t prop);

/* object.c — ordinary objects and the internal methods (ES2025 10.1) */
typedef struct hx_desc {
    hx_value value, getter, setter;
    uint8_t flags;    /* HX_PROP_* values for the fields that are present */
    uint8_t has;      /* HX_DESC_HAS_* */
} hx_desc;
enum {
    HX_DESC_VALUE = 1, HX_DESC_GET = 2, HX_DESC_SET = 4, HX_DESC_WRITABLE = 8,
    HX_DESC_ENUMERABLE = 16, HX_DESC_CONFIGURABLE = 32
};

hx_object *hx_object_new(hx_realm *realm, hx_object *proto, hx_class_id cls);
hx_object *hx_object_new_shape(hx_runtime *rt, hx_shape *shape, hx_class_id cls);
hx_value hx_new_plain_object(hx_realm *realm);
hx_value hx_get_prototype_of(hx_realm *realm, hx_object *o);            /* may throw (Proxy) */
int hx_set_prototype_of(hx_realm *realm, hx_object *o, hx_value proto);  /* 1 ok, 0 refused, -1 throw */
int hx_is_extensible(hx_realm *realm, hx_object *o);
int hx_prevent_extensions(hx_realm *realm, hx_object *o);
int hx_get_own_property(hx_realm *realm, hx_object *o, hx_key key, hx_desc *desc); /* 1 found, 0, -1 */
int hx_define_own_property(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc,
                           bool throw_on_fail);
int hx_has_property(hx_realm *realm, hx_object *o, hx_key key);
hx_value hx_get(hx_realm *realm, hx_value obj, hx_key key);
hx_value hx_get_with_receiver(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver);
int hx_set(hx_realm *realm, hx_value obj, hx_key key, hx_value v, bool throw_on_fail);
int hx_set_with_receiver(hx_realm *realm, hx_object *o, hx_key key, hx_value v,
                         hx_value receiver, bool throw_on_fail);
int hx_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail);
/* OwnPropertyKeys in spec order; returns an array object value or HX_EXCEPTION. */
hx_value hx_own_keys(hx_realm *realm, hx_object *o, int filter);
enum { HX_KEYS_STRINGS = 1, HX_KEYS_SYMBOLS = 2, HX_KEYS_ENUMERABLE_ONLY = 4 };

/* Fast internal definitions (no checks; for building fresh objects). */
int hx_define_value(hx_realm *realm, hx_object *o, hx_key key, hx_value v, uint32_t flags);
int hx_define_accessor(hx_realm *realm, hx_object *o, hx_key key, hx_value getter,
                       hx_value setter, uint32_t flags);
int hx_create_data_property(hx_realm *realm, hx_object *o, hx_key key, hx_value v); /* -1 throw, 0 fail, 1 */
int hx_create_data_property_or_throw(hx_realm *realm, hx_object *o, hx_key key, hx_value v);
int hx_object_set_slot_count(hx_runtime *rt, hx_object *o, uint32_t n);
int hx_elems_reserve(hx_runtime *rt, hx_object *o, uint32_t cap);
int hx_object_make_sparse(hx_realm *realm, hx_object *o);
int hx_object_freeze_level(hx_realm *realm, hx_object *o, bool freeze); /* seal or freeze */
int hx_test_integrity(hx_realm *realm, hx_object *o, bool frozen);     /* 1/0/-1 */
hx_value hx_get_method(hx_realm *realm, hx_value v, hx_key key);        /* undefined if absent */
hx_value hx_from_desc(hx_realm *realm, const hx_desc *d);
int hx_to_desc(hx_realm *realm, hx_value v, hx_desc *d);

/* array.c */
hx_value hx_array_new(hx_realm *realm, uint32_t len);  /* dense, filled with holes */
hx_value hx_array_from(hx_realm *realm, const hx_value *v, uint32_t n);
int hx_array_push(hx_realm *realm, hx_object *a, hx_value v);
int hx_array_set_length(hx_realm *realm, hx_object *a, const hx_desc *desc, bool throw_on_fail);
int hx_array_define_index(hx_realm *realm, hx_object *a, uint32_t idx, const hx_desc *desc,
                          bool throw_on_fail);
int64_t hx_length_of(hx_realm *realm, hx_value obj); /* LengthOfArrayLike; -1 on throw */

/* convert.c — type conversions (ES2025 7.1) */
hx_value hx_to_primitive(hx_realm *realm, hx_value v, int hint); /* 0 default, 1 number, 2 string */
bool hx_to_boolean(hx_value v);
int hx_to_number(hx_realm *realm, hx_value v, double *out);
hx_value hx_to_numeric(hx_realm *realm, hx_value v); /* number or bigint */
hx_value hx_to_string(hx_realm *realm, hx_value v);
hx_value hx_to_property_key(hx_realm *realm, hx_value v); /* key or HX_EXCEPTION */
hx_value hx_to_object(hx_realm *realm, hx_value v);
int hx_to_int32(hx_realm *realm, hx_value v, int32_t *out);
int hx_to_uint32(hx_realm *realm, hx_value v, uint32_t *out);
int hx_to_integer_or_infinity(hx_realm *realm, hx_value v, double *out);
int hx_to_length(hx_realm *realm, hx_value v, int64_t *out);
int hx_to_index(hx_realm *realm, hx_value v, uint64_t *out);
hx_value hx_number_to_string_value(hx_runtime *rt, double d);
bool hx_same_value(hx_value a, hx_value b);
bool hx_same_value_zero(hx_value a, hx_value b);
bool hx_strict_equals(hx_runtime *rt, hx_value a, hx_value b);
int hx_loose_equals(hx_realm *realm, hx_value a, hx_value b); /* 1/0/-1 */
int32_t hx_double_to_int32(double d);
bool hx_is_array(hx_realm *realm, hx_value v, bool *is_array); /* false: threw (revoked proxy) */
hx_value hx_typeof(hx_runtime *rt, hx_value v);
bool hx_is_integral_number(hx_value v);
bool hx_value_to_index_key(hx_value v, uint32_t *idx); /* number that is a canonical index */

/* function.c */
hx_value hx_native_function_new(hx_realm *realm, hx_native_fn fn, hx_key name, int length,
                                int magic, bool constructor);
hx_value hx_call(hx_realm *realm, hx_value fn, hx_value this_value, int argc, hx_value *argv);
hx_value hx_construct(hx_realm *realm, hx_value fn, int argc, hx_value *argv, hx_value new_target);
int hx_set_function_name(hx_realm *realm, hx_object *fn, hx_key name, hx_key prefix);
int hx_set_function_length(hx_realm *realm, hx_object *fn, double length);
hx_realm *hx_function_realm(hx_realm *realm, hx_object *fn);
hx_value hx_ordinary_create_from_constructor(hx_realm *realm, hx_value new_target,
                                             hx_intrinsic default_proto, hx_class_id cls);
hx_value hx_get_prototype_from_constructor(hx_realm *realm, hx_value new_target,
                                           hx_intrinsic default_proto);
hx_value hx_species_constructor(hx_realm *realm, hx_object *o, hx_value default_ctor);
hx_value hx_invoke(hx_realm *realm, hx_value v, hx_key key, int argc, hx_value *argv);
int hx_ordinary_has_instance(hx_realm *realm, hx_value c, hx_value o); /* 1/0/-1 */
int hx_instance_of(hx_realm *realm, hx_value o, hx_value c);          /* 1/0/-1 */
hx_object *hx_current_native(hx_runtime *rt); /* the native function now running, or NULL */

/* proxy.c */
hx_value hx_proxy_call(hx_realm *realm, hx_object *proxy, hx_value this_value, int argc, hx_value *argv);
hx_value hx_proxy_construct(hx_realm *realm, hx_object *proxy, int argc, hx_value *argv,
                            hx_value new_target);

/* error.c */
hx_value hx_error_new(hx_realm *realm, hr_error_kind kind, hx_value message);
int hx_error_capture_stack(hx_realm *realm, hx_object *err);
hx_value hx_error_new_fmt(hx_realm *realm, hr_error_kind kind, const char *fmt, va_list ap);

/* iterator.c */
typedef struct hx_iter {
    hx_value iterator, next_method;
    bool done;
} hx_iter;
int hx_get_iterator(hx_realm *realm, hx_value v, hx_iter *it);           /* -1 on throw */
int hx_iter_step(hx_realm *realm, hx_iter *it, hx_value *value);          /* 1 value, 0 done, -1 */
hx_value hx_iter_close(hx_realm *realm, hx_iter *it, hx_value completion); /* completion: HX_EXCEPTION keeps pending exception */
hx_value hx_create_iter_result(hx_realm *realm, hx_value value, bool done);
hx_value hx_iterable_to_list(hx_realm *realm, hx_value iterable); /* array */

/* realm.c — creates a realm: ObjectPrototype and FunctionPrototype first,
 * then every builtin family's initialiser (src/builtins/init.h) in order. */
hx_realm *hx_realm_new(hx_runtime *rt);
/* Defines a global binding (writable, configurable, not enumerable). */
int hx_define_global(hx_realm *realm, const char *name, hx_value v);

/* template.c */
hx_value hx_template_site_new(hx_realm *realm, hx_value cooked, hx_value raw);

/* interp.c */
hx_value hx_interp_call(hx_realm *realm, hx_object *closure, hx_value this_value, int argc,
                        hx_value *argv, hx_value new_target);
hx_value hx_run_script(hx_realm *realm, hx_funcdef *def);
hx_value hx_run_eval(hx_realm *realm, hx_funcdef *def, hx_frame *caller);
hx_value hx_make_closure(hx_realm *realm, hx_funcdef *def, hx_context *ctx);
/* Resumes a suspended generator: mode 0 next, 1 throw, 2 return.  Returns
 * the iterator result, or HX_EXCEPTION. */
hx_value hx_generator_resume(hx_realm *realm, hx_object *gen, hx_value v, int mode);
enum { HX_GEN_SUSPENDED_START, HX_GEN_SUSPENDED_YIELD, HX_GEN_EXECUTING, HX_GEN_COMPLETED };

/* A builtin property-table entry (one table per object family). */
typedef enum { HX_BI_FUNC, HX_BI_GETSET, HX_BI_VALUE_INT, HX_BI_VALUE_DOUBLE, HX_BI_VALUE_STR,
               HX_BI_ALIAS, HX_BI_SYMBOL_FUNC, HX_BI_SYMBOL_GETSET, HX_BI_SYMBOL_VALUE_STR } hx_bi_kind;
typedef struct hx_builtin {
    const char *name;       /* property name, or well-known symbol name for SYMBOL_* kinds */
    hx_bi_kind kind;
    hx_native_fn fn;        /* FUNC, getter for GETSET */
    hx_native_fn setter;    /* GETSET */
    int length;             /* FUNC arity */
    int magic;
    double num;             /* VALUE_* */
    const char *str;        /* VALUE_STR, ALIAS target */
    uint8_t flags;          /* property attributes; 0 means the default for the kind */
} hx_builtin;

#define HX_FUNC(n, f, len) {n, HX_BI_FUNC, f, NULL, len, 0, 0, NULL, 0}
#define HX_FUNC_MAGIC(n, f, len, m) {n, HX_BI_FUNC, f, NULL, len, m, 0, NULL, 0}
#define HX_GETSET(n, g, s) {n, HX_BI_GETSET, g, s, 0, 0, 0, NULL, 0}
#define HX_SYM_FUNC(n, f, len) {n, HX_BI_SYMBOL_FUNC, f, NULL, len, 0, 0, NULL, 0}
#define HX_SYM_GETSET(n, g, s) {n, HX_BI_SYMBOL_GETSET, g, s, 0, 0, 0, NULL, 0}
#define HX_VALUE_D(n, d, fl) {n, HX_BI_VALUE_DOUBLE, NULL, NULL, 0, 0, d, NULL, fl}
#define HX_VALUE_S(n, s, fl) {n, HX_BI_VALUE_STR, NULL, NULL, 0, 0, 0, s, fl}
#define HX_SYM_VALUE_S(n, s, fl) {n, HX_BI_SYMBOL_VALUE_STR, NULL, NULL, 0, 0, 0, s, fl}

int hx_install_builtins(hx_realm *realm, hx_object *target, const hx_builtin *table, size_t n);
#define HX_INSTALL(realm, obj, table) hx_install_builtins(realm, obj, table, sizeof(table) / sizeof(table[0]))
hx_value hx_make_constructor(hx_realm *realm, hx_native_fn fn, const char *name, int length,
                             hx_object *prototype, int magic);

#define HX_ARG(i) ((i) < argc ? argv[(i)] : HX_UNDEFINED)

/* ---- iterator and array families (src/vm/iterator.c, src/builtins/iterator.c,
 *      src/builtins/array*.c) ------------------------------------------------ */
/* ES2025 7.4.3 GetIteratorFromMethod; -1 on throw. */
int hx_get_iterator_from_method(hx_realm *realm, hx_value obj, hx_value method, hx_iter *it);
/* ES2025 7.4.7 IteratorStep (does not read "value"): 1 not done, 0 done, -1 throw. */
int hx_iter_step_no_value(hx_realm *realm, hx_iter *it);
/* %ArrayIteratorPrototype%.next without the result object: 1 value, 0 done, -1 throw. */
int hx_array_iterator_step(hx_realm *realm, hx_object *it, hx_value *out);
/* A fresh %ArrayIterator% over the object obj; kind 0 keys, 1 values, 2 entries (ES2025 23.1.5.1). */
hx_value hx_create_array_iterator(hx_realm *realm, hx_value obj, int kind);
/* ES2025 10.4.2.3 ArraySpeciesCreate(original, length). */
hx_value hx_array_species_create(hx_realm *realm, hx_value original, double length);
/* typedarray.c: for a HX_CLASS_TYPED_ARRAY object, TypedArrayLength, or -1
 * with a TypeError pending when it is out of bounds (ES2025 23.1.5.1 step
 * 1.b.i, used by array iterators). */
int64_t hx_typed_array_length_or_throw(hx_realm *realm, hx_object *ta);

/* ---- object / function / symbol families (src/builtins/object.c,
 *      src/builtins/function.c, src/builtins/symbol.c) ---------------------- */
/* ES2025 10.4.7.2 SetImmutablePrototype: the [[SetPrototypeOf]] of
 * %Object.prototype% (an immutable-prototype exotic object). 1 / 0 / -1. */
/* Most arguments Function.prototype.apply / Reflect.apply / Reflect.construct
 * pass on (a RangeError beyond). */
#define HX_MAX_APPLY_ARGS 262144
/* ES2025 7.3.18 CreateListFromArrayLike: an hx_mem_alloc'd array of *count
 * values (free with hx_mem_free(rt, list, *count * sizeof(hx_value)); NULL
 * when *count is 0); on throw returns NULL with *count == UINT32_MAX. */
hx_value *hx_create_list_from_array_like(hx_realm *realm, hx_value obj, uint32_t *count);
/* ES2025 20.2.1.1.1 CreateDynamicFunction for Function / GeneratorFunction /
 * AsyncFunction / AsyncGeneratorFunction (kind: hx_dynfn_kind); call it from
 * the constructor's native with its own argc/argv/new_target. */
hx_value hx_create_dynamic_function(hx_realm *realm, int argc, hx_value *argv, hx_value new_target,
                                    int kind);
/* A new symbol with description (a string or undefined). */
hx_value hx_symbol_new(hx_runtime *rt, hx_value description);
/* ES2025 20.4.3.3.1 SymbolDescriptiveString: "Symbol(desc)". */
hx_value hx_symbol_descriptive_string(hx_runtime *rt, hx_value sym);

/* ---- number / math / string / json families (src/builtins/number.c,
 *      math.c, string.c, string_methods.c, json.c) --------------------------- */
/* ES2025 6.1.6.1.3 Number::exponentiate (the `**` operator and Math.pow). */
double hx_math_pow(double base, double exponent);
/* ES2025 22.1.3.19.1 GetSubstitution(matched, str, position, captures,
 * namedCaptures, replacementTemplate): captures is an array of
 * ncaptures strings-or-undefined; named_captures is undefined or an object.
 * Used by String.prototype.replace and RegExp.prototype[Symbol.replace]. */
hx_value hx_get_substitution(hx_realm *realm, hx_value matched, hx_value str, uint32_t position,
                             const hx_value *captures, uint32_t ncaptures,
                             hx_value named_captures, hx_value replacement);
/* ES2025 22.1.3.35.1 / 12.2: whether c is WhiteSpace or LineTerminator
 * (what String.prototype.trim removes). */
bool hx_is_trim_space(uint32_t c);
/* ES2025 25.5.2.2 JSON.stringify's QuoteJSONString, appended to sb. */
void hx_json_quote(hx_sb *sb, hx_string *s);
/* ES2025 22.1.3.1.1 CodePointAt over a flat string: the code point at i
 * and its length in code units (*units = 1 or 2). */
uint32_t hx_string_code_point_at(hx_string *flat, uint32_t i, uint32_t *units);

/* ---- regexp family (src/builtins/regexp.c, regexp_methods.c) ------------- */
/* ES2025 22.2.3.1 RegExpCreate(P, F): a new %RegExp% instance; HX_EXCEPTION
 * on a SyntaxError or a throwing ToString. */
hx_value hx_regexp_create(hx_realm *realm, hx_value pattern, hx_value flags);
/* ES2025 13.2.7.3: the RegExp object for one evaluation of a regexp literal
 * (pattern and flags are the literal's strings, already validated). */
hx_value hx_regexp_create_literal(hx_realm *realm, hx_value pattern, hx_value flags);

/* ---- proxy, keyed-collection and weak-reference families (src/vm/proxy.c,
 *      src/builtins/proxy.c, coll_table.c, collections.c, set_methods.c,
 *      weakcoll.c, weakref.c, and the weak section of src/vm/heap.c) -------- */
/* ES2025 10.5.15 ProxyCreate ( target, handler ). */
hx_value hx_proxy_create(hx_realm *realm, hx_value target, hx_value handler);
/* Revokes a proxy: [[ProxyTarget]] and [[ProxyHandler]] become null. */
void hx_proxy_revoke(hx_object *proxy);
/* Weak containers (WeakMap, WeakSet, WeakRef, FinalizationRegistry) and the
 * collector: a weak container's trace hook marks only what it holds
 * strongly and registers itself with hx_gc_defer_weak.  After the main mark
 * loop the collector calls ops->mark_ephemerons (may be NULL) on every
 * registered container, tracing what they mark, until none marks anything
 * more (an ephemeron's value is live when its key is); then it calls
 * ops->clear_dead on each, before the sweep, to drop references to cells
 * that are about to be freed.  Neither hook may allocate GC cells or run
 * JavaScript. */
typedef struct hx_weak_ops {
    bool (*mark_ephemerons)(hx_runtime *rt, hx_object *o); /* true if it marked anything */
    void (*clear_dead)(hx_runtime *rt, hx_object *o);
} hx_weak_ops;
void hx_gc_defer_weak(hx_runtime *rt, hx_object *o, const hx_weak_ops *ops);
/* In the weak hooks: whether v is known to be live (non-heap values are). */
static inline bool hx_gc_is_marked(hx_value v) {
    return !hx_is_heap(v) || ((hx_cell *)hx_get_ptr(v))->marked;
}

#endif
