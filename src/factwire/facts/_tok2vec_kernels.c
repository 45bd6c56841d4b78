/*
 * The elementwise half of a tok2vec encoder layer (facts/tok2vec_fast.py Layer.apply), one pass a
 * row instead of numpy's eight passes over the whole batch: out = X + layernorm(maxout(Y + b)).
 * Loaded with ctypes; no Python API here.
 *
 * The float32 operations are numpy's, in numpy's order: the bias added before the maxout, the
 * row mean summed as numpy's pairwise sum does for a row of fewer than 128 (eight running sums
 * combined ((0+1)+(2+3))+((4+5)+(6+7)), then the remainder one by one), divided by the width; the same for the squares; var + 1e-8.  The power
 * var ** -0.5 is left to numpy (one value a row), whose vectorised powf may round differently
 * from libm's.  Then scale, gain, shift and the residual one operation at a time.  Compiled
 * with -ffp-contract=off.
 */
#include <stddef.h>

/* numpy's sum of a contiguous float32 row of n (< 128) values (its pairwise_sum, one block):
 * below 8 values one by one; else eight running sums over the multiple-of-8 part, combined
 * ((0+1)+(2+3))+((4+5)+(6+7)), then the remainder one by one. */
static float numpy_row_sum(const float *a, int n) {
    if (n < 8) {
        float res = 0.f;
        for (int i = 0; i < n; i++) res += a[i];
        return res;
    }
    float r[8];
    for (int k = 0; k < 8; k++) r[k] = a[k];
    int i = 8;
    for (; i < n - (n % 8); i += 8)
        for (int k = 0; k < 8; k++) r[k] += a[i + k];
    float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[i];
    return res;
}

/* Y: n x (width * pieces), column j * pieces + p; bias likewise.  Z (n x width) gets the
 * maxout minus its row mean, var (n) the rows' variance + 1e-8.  Returns 0, or -1 for a row too
 * wide for numpy's one-block sum. */
int maxout_center(int n, int width, int pieces, const float *Y, const float *bias, float *Z, float *var) {
    if (width <= 0 || width > 127 || pieces <= 0) return -1;
    float sq[128];
    for (int r = 0; r < n; r++) {
        const float *y = Y + (size_t)r * (size_t)(width * pieces);
        float *z = Z + (size_t)r * (size_t)width;
        for (int j = 0; j < width; j++) {
            float best = y[j * pieces] + bias[j * pieces];
            for (int p = 1; p < pieces; p++) {
                float v = y[j * pieces + p] + bias[j * pieces + p];
                if (v > best) best = v;
            }
            z[j] = best;
        }
        float mean = numpy_row_sum(z, width) / (float)width;
        for (int j = 0; j < width; j++) { z[j] = z[j] - mean; sq[j] = z[j] * z[j]; }
        var[r] = numpy_row_sum(sq, width) / (float)width + 1e-08f;
    }
    return 0;
}

/* Z = X + ((Z * scale[row]) * gain + shift), one operation at a time, in place. */
void scale_shift_add(int n, int width, float *Z, const float *scale, const float *gain, const float *shift,
                     const float *X) {
    for (int r = 0; r < n; r++) {
        float *z = Z + (size_t)r * (size_t)width;
        const float *x = X + (size_t)r * (size_t)width;
        for (int j = 0; j < width; j++) {
            float v = z[j] * scale[r];
            v = v * gain[j];
            v = v + shift[j];
            z[j] = v + x[j];
        }
    }
}
