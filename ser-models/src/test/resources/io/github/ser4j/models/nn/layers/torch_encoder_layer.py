"""Generates torch_encoder_layer.txt, the PyTorch reference for TransformerEncoderLayerTest.

PyTorch 1.13 nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=12, dropout=0.1,
batch_first=True) with its defaults (post-norm, ReLU, layer-norm eps 1e-5), every parameter set
to random values (biases and layer-norm parameters included), evaluated in float64 in eval mode
(no dropout) on a random batch of 2 sequences of 5 steps, once without and once with a
src_key_padding_mask (the last 2 steps of the second sequence are padding).
Run: python3 torch_encoder_layer.py > torch_encoder_layer.txt
File format: one array per line, "name dim0,dim1,... v0 v1 ..." in PyTorch's shape and c order.
"""
import torch

torch.manual_seed(20261122)
d, heads, ff, batch, time = 8, 2, 12, 2, 5
layer = torch.nn.TransformerEncoderLayer(d_model=d, nhead=heads, dim_feedforward=ff, dropout=0.1,
                                         batch_first=True).double().eval()
with torch.no_grad():
    for p in layer.parameters():
        p.copy_(torch.randn_like(p) * 0.5)
    # Layer-norm gains around 1, so that every term matters but nothing is degenerate.
    layer.norm1.weight.add_(1.0)
    layer.norm2.weight.add_(1.0)
x = torch.randn(batch, time, d, dtype=torch.float64)
mask = torch.zeros(batch, time, dtype=torch.bool)
mask[1, 3:] = True  # True = padding, PyTorch's convention
with torch.no_grad():
    y = layer(x)
    y_masked = layer(x, src_key_padding_mask=mask)


def dump(name, t):
    t = t.detach().double().contiguous()
    shape = ",".join(str(s) for s in t.shape)
    print(name, shape, " ".join(repr(float(v)) for v in t.reshape(-1)))


print("# torch", torch.__version__)
dump("in_proj_weight", layer.self_attn.in_proj_weight)
dump("in_proj_bias", layer.self_attn.in_proj_bias)
dump("out_proj_weight", layer.self_attn.out_proj.weight)
dump("out_proj_bias", layer.self_attn.out_proj.bias)
dump("linear1_weight", layer.linear1.weight)
dump("linear1_bias", layer.linear1.bias)
dump("linear2_weight", layer.linear2.weight)
dump("linear2_bias", layer.linear2.bias)
dump("norm1_weight", layer.norm1.weight)
dump("norm1_bias", layer.norm1.bias)
dump("norm2_weight", layer.norm2.weight)
dump("norm2_bias", layer.norm2.bias)
dump("x", x)
dump("y", y)
dump("key_padding_mask", mask.double())
dump("y_masked", y_masked)
