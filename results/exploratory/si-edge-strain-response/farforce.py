"""rms |F^ML - F| at a relaxed quadrupole by distance from the nearest core line:
farforce.py QUADRUPOLE_XYZ REFERENCE_EVAL_JSON MODEL_EVAL_JSON... (JSON of `burgers eval`). The cores are
taken at the quarter points of the cell's x-y plane, where the quadrupole predictor puts them (to within
half a lattice spacing, docs/dislocations.md)."""
import sys, json, numpy as np
from ase.io import read
xyz, ref_json, model_jsons = sys.argv[1], sys.argv[2], sys.argv[3:]
a=read(xyz)
lat=a.arrays.get('lattice')
L=a.cell.array
fr=json.load(open(ref_json))['forces']; fr=np.array(fr)
# core positions: quadrupole at (1/4,1/4),(3/4,1/4),(1/4,3/4),(3/4,3/4) of the x-y cell (approx)
pos = lat if lat is not None else a.positions
cores=[np.array([fx*L[0,0],fy*L[1,1]]) for fx in (0.25,0.75) for fy in (0.25,0.75)]
r=np.full(len(a),1e9)
for c in cores:
    d=pos[:,:2]-c
    d[:,0]-=np.round(d[:,0]/L[0,0])*L[0,0]; d[:,1]-=np.round(d[:,1]/L[1,1])*L[1,1]
    r=np.minimum(r,np.hypot(d[:,0],d[:,1]))
bins=[0,3.3,6,10,15,20,30,50,100]
print('reference rms |F| %.2g meV/A' % (1000 * np.sqrt((fr ** 2).mean())))
for mj in model_jsons:
    fm=np.array(json.load(open(mj))['forces'])
    df=fm-fr
    out=[]
    for lo,hi in zip(bins[:-1],bins[1:]):
        m=(r>=lo)&(r<hi)
        if m.sum(): out.append('%g-%g: %.1f (%d)'%(lo,hi,1000*np.sqrt((df[m]**2).mean()),m.sum()))
    print(mj.split('/')[-1].replace('q-','').replace('.json',''), ' | '.join(out))
