/*
 * object_class.h — per-class behaviour of objects: the collector's hooks
 * (tracing class-specific internal data, releasing memory it owns) and the
 * internal-method overrides of exotic objects (ES2025 10.4, 10.5).
 *
 * An exotic class fills in only the methods it overrides; NULL means the
 * ordinary algorithm.  The ordinary algorithms are exported here so exotic
 * implementations can fall back to them.
 */
#ifndef HX_OBJECT_CLASS_H
#define HX_OBJECT_CLASS_H

#include "vm/vm.h"

typedef struct hx_exotic {
    int (*get_own_property)(hx_realm *realm, hx_object *o, hx_key key, hx_desc *desc);
    int (*define_own_property)(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc,
                               bool throw_on_fail);
    int (*has_property)(hx_realm *realm, hx_object *o, hx_key key);
    hx_value (*get)(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver);
    int (*set)(hx_realm *realm, hx_object *o, hx_key key, hx_value v, hx_value receiver,
               bool throw_on_fail);
    int (*delete_property)(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail);
    /* Appends own keys to the array `keys` in spec order; filter as hx_own_keys. */
    int (*own_keys)(hx_realm *realm, hx_object *o, hx_object *keys, int filter);
    hx_value (*get_prototype_of)(hx_realm *realm, hx_object *o);
    int (*set_prototype_of)(hx_realm *realm, hx_object *o, hx_value proto);
    int (*is_extensible)(hx_realm *realm, hx_object *o);
    int (*prevent_extensions)(hx_realm *realm, hx_object *o);
    /* GC hooks */
    void (*trace)(hx_runtime *rt, hx_object *o);
    void (*finalize)(hx_runtime *rt, hx_object *o);
} hx_exotic;

/* Registered per class (NULL: ordinary object with no internal data). */
extern const hx_exotic *hx_exotics[HX_CLASS_COUNT];

/* True when reads of the object's properties follow the ordinary
 * algorithm (inline caches may be used). */
static inline bool hx_plain_get(const hx_object *o) {
    const hx_exotic *e = hx_exotics[hx_class_of(o)];
    return !e || (!e->get && !e->get_own_property && !e->get_prototype_of && !e->has_property);
}
/* True when writes of existing named properties may bypass [[Set]]. */
static inline bool hx_plain_set(const hx_object *o) {
    const hx_exotic *e = hx_exotics[hx_class_of(o)];
    return !e || (!e->set && !e->define_own_property && !e->get_own_property);
}

void hx_class_trace(hx_runtime *rt, hx_object *o);
void hx_class_finalize(hx_runtime *rt, hx_object *o);

/* The ordinary algorithms (ES2025 10.1). */
int hx_ordinary_get_own_property(hx_realm *realm, hx_object *o, hx_key key, hx_desc *desc);
int hx_ordinary_define_own_property(hx_realm *realm, hx_object *o, hx_key key,
                                    const hx_desc *desc, bool throw_on_fail);
int hx_ordinary_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail);
int hx_ordinary_own_keys(hx_realm *realm, hx_object *o, hx_object *keys, int filter);
int hx_ordinary_set(hx_realm *realm, hx_object *o, hx_key key, hx_value v, hx_value receiver,
                    bool throw_on_fail);
hx_value hx_ordinary_get(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver);
int hx_validate_and_apply(hx_realm *realm, hx_object *o, hx_key key, bool extensible,
                          const hx_desc *desc, const hx_desc *current, bool has_current,
                          bool throw_on_fail);

/* Exotic tables defined by the families (array.c, arguments.c, ...). */
extern const hx_exotic hx_array_exotic;
extern const hx_exotic hx_string_exotic;
extern const hx_exotic hx_function_class;
extern const hx_exotic hx_bound_function_class;
extern const hx_exotic hx_native_function_class;
extern const hx_exotic hx_primitive_class;
extern const hx_exotic hx_data_class;
/* binary-data family (src/builtins/arraybuffer.c, typedarray.c) */
extern const hx_exotic hx_array_buffer_class;
extern const hx_exotic hx_typed_array_exotic;
extern const hx_exotic hx_mapped_arguments_exotic;
/* regexp family (src/builtins/regexp.c): frees the compiled program */
extern const hx_exotic hx_regexp_class;
extern const hx_exotic hx_proxy_exotic;        /* src/vm/proxy.c */
extern const hx_exotic hx_coll_class;          /* Map, Set: src/builtins/collections.c */
extern const hx_exotic hx_coll_iterator_class; /* Map / Set iterators: collections.c */
extern const hx_exotic hx_weak_coll_class;     /* WeakMap, WeakSet: src/builtins/weakcoll.c */
extern const hx_exotic hx_weakref_class;       /* WeakRef: src/builtins/weakref.c */
extern const hx_exotic hx_finreg_class;        /* FinalizationRegistry: weakref.c */

#endif
