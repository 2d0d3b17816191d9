import os, resource, sys
# The PyTorch peer (../shared/reference/peers/torch_peer.py) timing ONE of its networks in this
# process and printing the process's peak resident memory. Run from anywhere:
#   /usr/bin/python3 benchmarks/src/main/python/torch_peer_one.py SmallResNet   # or BiLSTM, ParallelCNN+Transf
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../../shared/reference/peers"))
import torch
import torch_peer as tp
torch.set_num_threads(2)
nets = {"SmallResNet": (tp.SmallResNet, (1, 64, 94)), "BiLSTM": (tp.BiLSTM, (94, 40)),
        "ParallelCNN+Transf": (tp.ParallelCNNTransformer, (1, 64, 94))}
name = sys.argv[1]
rss0 = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024
torch.manual_seed(tp.SEED)
tp.bench(name, nets[name][0](), nets[name][1])
print(f"{name}: peak RSS (ru_maxrss) = {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB;"
      f" RSS after import torch = {rss0} MB; torch {torch.__version__}; threads {torch.get_num_threads()};"
      f" loadavg {os.getloadavg()}", flush=True)
