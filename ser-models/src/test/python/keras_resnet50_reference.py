#!/usr/bin/env python3
"""Independent reference for KerasResNet50Test: Keras's ResNet50 embedding in plain numpy.

Computes, in float64 and channels-last (NHWC, as Keras does), the 2048-d output of
keras.applications.ResNet50(include_top=False, pooling="avg") for the fixture weights that
KerasResNet50Fixture.java writes, on the image SER4J makes from a fixed 5 x 7 spectrogram with
Keras's "caffe" preprocessing, and writes the values to the test resource. Nothing here uses DL4J
or SER4J code: convolution, batch norm, ReLU, max pooling and the resize are written out from
their textbook definitions (Keras's layer semantics: "valid"/"same" padding, stride on the first
1x1 convolution of a stage, batch norm epsilon 1.001e-5).

Usage:
  python3 keras_resnet50_reference.py [OUTPUT]      # writes the reference values
  python3 keras_resnet50_reference.py --check-h5 F  # checks that the .h5 file F (written by
                                                    # KerasResNet50Fixture.main) holds exactly the
                                                    # formula's weights (needs h5py)
"""
import sys
import zlib

import numpy as np

BLOCKS = [3, 4, 6, 3]
WIDTHS = [64, 128, 256, 512]
EPS = 1.001e-5
CAFFE_MEAN_BGR = [103.939, 116.779, 123.68]


# ---- the fixture's weights (the same formula as KerasResNet50Fixture.java) ----

def weight(layer, name, shape):
    seed = zlib.crc32(f"{layer}/{name}".encode("utf-8")) & 0xFFFFFFFF
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.uint64)
    m32 = np.uint64(0xFFFFFFFF)
    h = (i * np.uint64(2654435761) + np.uint64(seed)) & m32
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(2246822519)) & m32
    h ^= h >> np.uint64(13)
    u = h.astype(np.float64) / 4294967296.0
    if name == "kernel":
        fan_in = shape[0] * shape[1] * shape[2]
        v = (2 * u - 1) * np.sqrt(6.0 / fan_in)
    elif name == "bias":
        v = (2 * u - 1) * 0.05
    elif name == "gamma":
        v = 0.5 + 0.5 * u
    elif name in ("beta", "moving_mean"):
        v = (2 * u - 1) * 0.2
    elif name == "moving_variance":
        v = 0.5 + u
    else:
        raise ValueError(name)
    # float32 as stored in the file, then computed with in float64
    return v.astype(np.float32).reshape(shape)


def layers():
    """(name, kind, kernel, in, out) of every layer with weights, Keras's order."""
    out = [("conv1_conv", "conv", 7, 3, 64), ("conv1_bn", "bn", 0, 64, 64)]
    cin = 64
    for s, (nb, w) in enumerate(zip(BLOCKS, WIDTHS)):
        for b in range(1, nb + 1):
            p = f"conv{s + 2}_block{b}"
            if b == 1:
                out += [(p + "_0_conv", "conv", 1, cin, 4 * w), (p + "_0_bn", "bn", 0, 4 * w, 4 * w)]
            out += [(p + "_1_conv", "conv", 1, cin, w), (p + "_1_bn", "bn", 0, w, w),
                    (p + "_2_conv", "conv", 3, w, w), (p + "_2_bn", "bn", 0, w, w),
                    (p + "_3_conv", "conv", 1, w, 4 * w), (p + "_3_bn", "bn", 0, 4 * w, 4 * w)]
            cin = 4 * w
    return out


# ---- textbook layers, NHWC, one image: x has shape [H, W, C] ----

def zero_pad(x, p):
    return np.pad(x, ((p, p), (p, p), (0, 0)))


def conv(x, layer, kernel, stride, pad):
    """Cross-correlation (as Keras/TensorFlow) with bias: out[i, j, o] = b[o] +
    sum_{dy, dx, c} x[i*s + dy, j*s + dx, c] * K[dy, dx, c, o] on the zero-padded input."""
    k = weight(layer, "kernel", (kernel, kernel, x.shape[2], layer_out[layer])).astype(np.float64)
    b = weight(layer, "bias", (layer_out[layer],)).astype(np.float64)
    x = zero_pad(x, pad)
    h = (x.shape[0] - kernel) // stride + 1
    w = (x.shape[1] - kernel) // stride + 1
    out = np.zeros((h, w, k.shape[3]))
    for dy in range(kernel):
        for dx in range(kernel):
            patch = x[dy:dy + stride * (h - 1) + 1:stride, dx:dx + stride * (w - 1) + 1:stride, :]
            out += patch @ k[dy, dx]
    return out + b


def batch_norm(x, layer):
    c = x.shape[2]
    g, beta, mean, var = (weight(layer, n, (c,)).astype(np.float64)
                          for n in ("gamma", "beta", "moving_mean", "moving_variance"))
    return (x - mean) / np.sqrt(var + EPS) * g + beta


def relu(x):
    return np.maximum(x, 0)


def max_pool(x, size, stride):
    h = (x.shape[0] - size) // stride + 1
    w = (x.shape[1] - size) // stride + 1
    out = np.full((h, w, x.shape[2]), -np.inf)
    for dy in range(size):
        for dx in range(size):
            out = np.maximum(out, x[dy:dy + stride * (h - 1) + 1:stride, dx:dx + stride * (w - 1) + 1:stride, :])
    return out


def resnet50(x):
    x = conv(x, "conv1_conv", 7, 2, 3)              # conv1_pad (3) + 7x7/2 "valid"
    x = relu(batch_norm(x, "conv1_bn"))
    x = max_pool(zero_pad(x, 1), 3, 2)              # pool1_pad (1) + 3x3/2 "valid"
    for s, (nb, w) in enumerate(zip(BLOCKS, WIDTHS)):
        for b in range(1, nb + 1):
            p = f"conv{s + 2}_block{b}"
            stride = 2 if (b == 1 and s > 0) else 1
            if b == 1:
                shortcut = batch_norm(conv(x, p + "_0_conv", 1, stride, 0), p + "_0_bn")
            else:
                shortcut = x
            y = relu(batch_norm(conv(x, p + "_1_conv", 1, stride, 0), p + "_1_bn"))
            y = relu(batch_norm(conv(y, p + "_2_conv", 3, 1, 1), p + "_2_bn"))   # "same"
            y = batch_norm(conv(y, p + "_3_conv", 1, 1, 0), p + "_3_bn")
            x = relu(shortcut + y)
    assert x.shape == (7, 7, 2048), x.shape
    return x.mean(axis=(0, 1))                      # avg_pool


layer_out = {name: out for name, _, _, _, out in layers()}


# ---- the input: SER4J's image of a fixed spectrogram (ResNet50Embedding.image, CAFFE) ----

def spectrogram():
    """5 mel bands x 7 frames; the same formula as KerasResNet50Test.spectrogram()."""
    return np.array([[((r * 5 + c * 3) % 11) * 1.5 - 30 + 0.25 * r for c in range(7)] for r in range(5)],
                    dtype=np.float32).astype(np.float64)


def resize_bilinear(a, out_h, out_w):
    """PyTorch's F.interpolate(mode="bilinear", align_corners=False): half-pixel centres, edges clamped."""
    in_h, in_w = a.shape

    def coords(n_out, n_in):
        src = np.maximum((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0)
        i0 = np.minimum(np.floor(src).astype(int), n_in - 1)
        i1 = np.minimum(i0 + 1, n_in - 1)
        return i0, i1, src - i0

    r0, r1, rw = coords(out_h, in_h)
    c0, c1, cw = coords(out_w, in_w)
    top = a[r0][:, c0] * (1 - cw) + a[r0][:, c1] * cw
    bottom = a[r1][:, c0] * (1 - cw) + a[r1][:, c1] * cw
    return top * (1 - rw[:, None]) + bottom * rw[:, None]


def image():
    mel = spectrogram()
    r = resize_bilinear(mel, 224, 224)
    scaled = (r - mel.min()) / (mel.max() - mel.min())
    # Keras "caffe": 0-255 scale, minus the B, G, R means in channels 0, 1, 2 (the grey image is the
    # same in all three channels, so RGB->BGR changes nothing else); then SER4J stores float32.
    x = np.stack([scaled * 255 - m for m in CAFFE_MEAN_BGR], axis=2)
    return x.astype(np.float32).astype(np.float64)


def check_h5(path):
    import h5py
    n = 0
    with h5py.File(path, "r") as f:
        root = f["model_weights"] if "model_weights" in f else f
        for name, kind, k, cin, cout in layers():
            names = ["kernel", "bias"] if kind == "conv" else ["gamma", "beta", "moving_mean", "moving_variance"]
            for wn in names:
                shape = (k, k, cin, cout) if wn == "kernel" else (cout,)
                stored = root[name][name][wn + ":0"][()]
                assert stored.dtype == np.float32 and stored.shape == shape, (name, wn, stored.shape)
                assert np.array_equal(stored, weight(name, wn, shape)), (name, wn)
                n += stored.size
    print(f"{path}: all {n} values equal the formula")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--check-h5":
        check_h5(sys.argv[2])
        return
    out = sys.argv[1] if len(sys.argv) > 1 else \
        "ser-models/src/test/resources/io/github/ser4j/models/nn/keras_resnet50_reference.txt"
    e = resnet50(image())
    with open(out, "w") as f:
        f.write("# Keras ResNet50 (include_top=False, pooling='avg') embedding, 2048 values, one per line,\n")
        f.write("# for KerasResNet50Fixture's weights and the CAFFE image of KerasResNet50Test.spectrogram().\n")
        f.write("# Written by ser-models/src/test/python/keras_resnet50_reference.py (numpy, float64).\n")
        for v in e:
            f.write(f"{v:.9e}\n")
    print(f"wrote {out}: sum {e.sum():.9e}, max {e.max():.9e}, zeros {(e == 0).sum()}")


if __name__ == "__main__":
    main()
