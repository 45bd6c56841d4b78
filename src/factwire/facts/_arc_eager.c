/*
 * Greedy arc-eager dependency parsing with spaCy 3.7's transition system and its parser's weights,
 * compiled: the loop spaCy's `parser` pipe spends most of its time in (facts/parser_greedy.py says
 * why and how it is checked).  Loaded with ctypes; no Python API is used here.
 *
 * The state machine follows spacy/pipeline/_parser_internals/_state.pxd (StateC) and
 * arc_eager.pyx (Shift, Reduce, LeftArc, RightArc, Break: is_valid and transition); the scoring
 * follows spacy/ml/parser_model.pyx (predict_states, sum_state_features) with the products in
 * the same order of operations as BLAS's reference kernels, so that compiled with
 * -ffp-contract=off the scores are spaCy's to the last bit on machines where its BLAS runs
 * the reference kernels, and equal up to float rounding elsewhere.
 *
 * One deliberate difference: spaCy's StateC.map_del_arc cannot delete an arc that is not the last
 * of its head's list (the loop edits a copy), so such an arc would stay.  In greedy parsing that
 * case does not arise (an arc is only replaced while its child is on top of its head on the
 * stack, where it is the head's last arc); if it ever did, parse_batch returns ERR_STALE and the
 * caller parses the batch with spaCy instead of guessing.
 */
#include <stdlib.h>
#include <string.h>

enum { SHIFT = 0, REDUCE = 1, LEFT = 2, RIGHT = 3, BREAK = 4 };
enum { N_FEATS = 8 };
enum { OK = 0, ERR_STALE = -2, ERR_MEMORY = -3, ERR_STEPS = -4 };

typedef struct { int child, prev; } Node;

typedef struct {
    int n, offset, b_i, depth, rebuf_n, n_nodes, cap_nodes, steps, error;
    int *stack, *rebuf, *heads, *labels, *last_left, *last_right;
    const signed char *preset;      /* the Doc's own sent_start per token: 1, -1 or 0 */
    unsigned char *breaks, *unshiftable;
    Node *nodes;
} State;

/* ---- the state (StateC) ---------------------------------------------------------------- */

static int S(const State *s, int i) { return (i < 0 || i >= s->depth) ? -1 : s->stack[s->depth - 1 - i]; }

static int B(const State *s, int i) {
    if (i < 0) return -1;
    if (i < s->rebuf_n) return s->rebuf[s->rebuf_n - 1 - i];
    int b = s->b_i + (i - s->rebuf_n);
    return b >= s->n ? -1 : b;
}

static int buffer_length(const State *s) { return (s->n - s->b_i) + s->rebuf_n; }
static int is_final(const State *s) { return s->depth <= 0 && buffer_length(s) == 0; }
static int in_doc(const State *s, int w) { return w >= 0 && w < s->n; }
static int is_sent_start(const State *s, int w) { return in_doc(s, w) && (s->preset[w] == 1 || s->breaks[w]); }
static int cannot_sent_start(const State *s, int w) { return in_doc(s, w) && s->preset[w] == -1; }
static int has_head(const State *s, int c) { return s->heads[c] >= 0; }
static int is_unshiftable(const State *s, int w) { return (w >= 0 && w < s->n) ? s->unshiftable[w] : 0; }

/* L(head, 1) / R(head, 1): the head's last child on that side (spaCy's nth_child with idx 1). */
static int last_child(const State *s, const int *last, int head) {
    if (!in_doc(s, head) || last[head] < 0) return -1;
    return s->nodes[last[head]].child;
}

static void push(State *s) {
    int b0 = s->rebuf_n ? s->rebuf[--s->rebuf_n] : s->b_i++;
    s->stack[s->depth++] = b0;
}

static void unshift(State *s) {
    int s0 = s->stack[--s->depth];
    s->unshiftable[s0] = 1;
    s->rebuf[s->rebuf_n++] = s0;
}

static void del_arc(State *s, int head, int child) {
    int *last = head > child ? s->last_left : s->last_right;
    if (last[head] < 0) return;
    if (s->nodes[last[head]].child == child) last[head] = s->nodes[last[head]].prev;
    else s->error = ERR_STALE;
}

static void add_arc(State *s, int head, int child, int label) {
    if (has_head(s, child)) del_arc(s, s->heads[child], child);
    if (s->n_nodes == s->cap_nodes) {
        Node *grown = realloc(s->nodes, sizeof(Node) * (size_t)(2 * s->cap_nodes));
        if (!grown) { s->error = ERR_MEMORY; return; }
        s->nodes = grown;
        s->cap_nodes *= 2;
    }
    int *last = head > child ? s->last_left : s->last_right;
    s->nodes[s->n_nodes] = (Node){child, last[head]};
    last[head] = s->n_nodes++;
    s->heads[child] = head;
    s->labels[child] = label;
}

static void context_tokens(const State *s, int *ids) {
    int b0 = B(s, 0), s0 = S(s, 0);
    ids[0] = b0; ids[1] = B(s, 1); ids[2] = s0; ids[3] = S(s, 1); ids[4] = S(s, 2);
    ids[5] = last_child(s, s->last_left, b0);
    ids[6] = last_child(s, s->last_left, s0);
    ids[7] = last_child(s, s->last_right, s0);
    for (int i = 0; i < N_FEATS; i++) ids[i] = ids[i] >= 0 ? ids[i] + s->offset : -1;
}

/* ---- the moves (arc_eager.pyx) ---------------------------------------------------------- */

static void valid_moves(const State *s, int *valid) {
    int depth = s->depth, blen = buffer_length(s), b0 = B(s, 0), b1 = B(s, 1);
    if (depth == 0) valid[SHIFT] = 1;
    else valid[SHIFT] = !(blen < 2 || is_sent_start(s, b0) || is_unshiftable(s, b0));
    if (depth == 0) valid[REDUCE] = 0;
    else if (blen == 0) valid[REDUCE] = 1;
    else valid[REDUCE] = !(depth == 1 && cannot_sent_start(s, b0));
    valid[LEFT] = valid[RIGHT] = !(depth == 0 || blen == 0 || is_sent_start(s, b0));
    valid[BREAK] = !(blen < 2 || b1 != b0 + 1 || is_sent_start(s, b1) || cannot_sent_start(s, b1));
}

static void do_move(State *s, int move, int label) {
    int b0 = B(s, 0), s0 = S(s, 0);
    switch (move) {
    case SHIFT: push(s); break;
    case REDUCE:
        if (has_head(s, s0) || s->depth == 1) s->depth--;
        else unshift(s);
        break;
    case LEFT:
        add_arc(s, b0, s0, label);
        if (in_doc(s, b0)) s->unshiftable[b0] = 0;
        s->depth--;
        break;
    case RIGHT: add_arc(s, s0, b0, label); push(s); break;
    case BREAK: s->breaks[B(s, 1)] = 1; break;
    }
}

/* ---- the scores (parser_model.pyx predict_states) --------------------------------------- */

typedef struct {
    const float *cached;      /* (tokens + 1, N_FEATS, hiddens * pieces): row 0 is the padding */
    const float *feat_bias;   /* hiddens * pieces */
    const float *upper_t;     /* hiddens x classes: the output layer's W, transposed */
    const float *upper_b;     /* classes */
    int hiddens, pieces, classes;
} Weights;

/* Wider vector units where the CPU has them (the loops vectorise across units and classes, never
 * across the summation order, so every build gives the same floats). */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#define WIDEST_VECTORS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WIDEST_VECTORS
#endif

/* Sum the state's feature rows in feature order, add the bias, maxout, then the output layer as
 * a dot product per class accumulated in hidden-unit order from zero, bias last. */
WIDEST_VECTORS
static void score_state(const State *s, const Weights *w, float *unmaxed, float *hidden, float *scores) {
    int ids[N_FEATS], width = w->hiddens * w->pieces;
    context_tokens(s, ids);
    memset(unmaxed, 0, sizeof(float) * (size_t)width);
    for (int f = 0; f < N_FEATS; f++) {
        const float *row = w->cached + ((size_t)(ids[f] + 1) * N_FEATS + f) * (size_t)width;
        for (int o = 0; o < width; o++) unmaxed[o] += row[o];
    }
    for (int o = 0; o < width; o++) unmaxed[o] += w->feat_bias[o];
    for (int j = 0; j < w->hiddens; j++) {
        float best = unmaxed[j * w->pieces];
        for (int p = 1; p < w->pieces; p++)
            if (unmaxed[j * w->pieces + p] > best) best = unmaxed[j * w->pieces + p];
        hidden[j] = best;
    }
    memset(scores, 0, sizeof(float) * (size_t)w->classes);
    for (int l = 0; l < w->hiddens; l++) {
        const float h = hidden[l], *col = w->upper_t + (size_t)l * (size_t)w->classes;
        for (int c = 0; c < w->classes; c++) scores[c] += h * col[c];
    }
    for (int c = 0; c < w->classes; c++) scores[c] += w->upper_b[c];
}

/* ---- the batch ---------------------------------------------------------------------------- */

static int init_state(State *s, int n, int offset, const signed char *preset) {
    memset(s, 0, sizeof(*s));
    s->n = n; s->offset = offset; s->preset = preset;
    s->cap_nodes = n + 16;
    s->stack = malloc(sizeof(int) * (size_t)(6 * n + 1));
    s->breaks = calloc((size_t)(2 * n + 1), 1);
    s->nodes = malloc(sizeof(Node) * (size_t)s->cap_nodes);
    if (!s->stack || !s->breaks || !s->nodes) return ERR_MEMORY;
    s->rebuf = s->stack + n; s->heads = s->rebuf + n; s->labels = s->heads + n;
    s->last_left = s->labels + n; s->last_right = s->last_left + n;
    s->unshiftable = s->breaks + n;
    for (int i = 0; i < n; i++) s->heads[i] = s->labels[i] = s->last_left[i] = s->last_right[i] = -1;
    return OK;
}

static void free_state(State *s) { free(s->stack); free(s->breaks); free(s->nodes); }

/* One step of every unfinished state, as spaCy's _parseC: score them all, give unseen classes
 * the batch's minimum score, then each takes its best valid move. */
static void step(State **active, int n_active, const Weights *w, const unsigned char *seen,
                 const int *class_move, float *scratch) {
    float *unmaxed = scratch, *hidden = unmaxed + w->hiddens * w->pieces, *scores = hidden + w->hiddens;
    for (int i = 0; i < n_active; i++) score_state(active[i], w, unmaxed, hidden, scores + (size_t)i * w->classes);
    float low = scores[0];
    for (size_t k = 1; k < (size_t)n_active * (size_t)w->classes; k++) if (scores[k] < low) low = scores[k];
    for (int i = 0; i < n_active; i++) {
        float *sc = scores + (size_t)i * w->classes;
        int valid[5], best = -1;
        valid_moves(active[i], valid);
        for (int c = 0; c < w->classes; c++) {
            if (!seen[c]) sc[c] = low;
            if (valid[class_move[c]] && (best == -1 || sc[c] > sc[best])) best = c;
        }
        if (best == -1) { active[i]->depth = 0; active[i]->b_i = active[i]->n; }  /* spaCy's force_final */
        else do_move(active[i], class_move[best], best);  /* an arc's label is its class */
        active[i]->steps++;
    }
}

/* Parse the batch's Docs (lengths[d] tokens each, in batch order).  heads/labels: per token of
 * the batch, the head's index in its Doc and the class index of its arc, or -1 (no arc).
 * Returns 0, or a negative error (the caller then parses with spaCy). */
int parse_batch(int n_docs, const int *lengths, const signed char *presets, const float *cached,
                const float *feat_bias, const float *upper_t, const float *upper_b, const unsigned char *seen,
                const int *class_move, int hiddens, int pieces, int classes,
                int *heads, int *labels) {
    Weights w = {cached, feat_bias, upper_t, upper_b, hiddens, pieces, classes};
    State *states = calloc((size_t)n_docs + 1, sizeof(State));
    State **active = calloc((size_t)n_docs + 1, sizeof(State *));
    float *scratch = malloc(sizeof(float) * ((size_t)hiddens * (size_t)(pieces + 1) + (size_t)(n_docs + 1) * (size_t)classes));
    int err = (states && active && scratch) ? OK : ERR_MEMORY, n_active = 0, offset = 0;
    for (int d = 0; d < n_docs && err == OK; offset += lengths[d], d++) {
        err = init_state(&states[d], lengths[d], offset, presets + offset);
        if (err == OK && !is_final(&states[d])) active[n_active++] = &states[d];
    }
    while (err == OK && n_active > 0) {
        step(active, n_active, &w, seen, class_move, scratch);
        int kept = 0;
        for (int i = 0; i < n_active; i++) {
            State *s = active[i];
            if (s->error) err = s->error;
            else if (s->steps > 8 * s->n + 64) err = ERR_STEPS;
            if (!is_final(s)) active[kept++] = s;
        }
        n_active = kept;
    }
    offset = 0;
    for (int d = 0; d < n_docs && states; offset += lengths[d], d++) {
        if (err == OK) {
            memcpy(heads + offset, states[d].heads, sizeof(int) * (size_t)lengths[d]);
            memcpy(labels + offset, states[d].labels, sizeof(int) * (size_t)lengths[d]);
        }
        free_state(&states[d]);
    }
    free(states); free(active); free(scratch);
    return err;
}
