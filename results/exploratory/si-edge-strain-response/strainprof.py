"""Median local strain of a relaxed quadrupole by distance from the nearest core line: strainprof.py XYZ.
Per atom, F is the least-squares map of its perfect-lattice bond vectors (the 'lattice' array) onto the
relaxed ones (neighbours within 2.75 A), and the strain the Frobenius norm of E = (F^T F - I) / 2; in
diamond F also carries the internal shift, so this is the distortion of the atom's bonds."""
import sys, numpy as np
from ase.io import read
from ase.neighborlist import neighbor_list
a=read(sys.argv[1]); lat=a.arrays['lattice']; L=a.cell.array
i,j,S=neighbor_list('ijS',a,2.75)
X=lat[j]-lat[i]+S@L   # lattice bond vectors (same image shift approx)
x=a.positions[j]-a.positions[i]+S@L
n=len(a); eps=np.zeros(n)
for k in range(n):
    m=i==k
    A=X[m]; B=x[m]
    F=np.linalg.lstsq(A,B,rcond=None)[0].T
    E=0.5*(F.T@F-np.eye(3))
    eps[k]=np.sqrt((E**2).sum())
cores=[np.array([fx*L[0,0],fy*L[1,1]]) for fx in (0.25,0.75) for fy in (0.25,0.75)]
r=np.full(n,1e9)
for c in cores:
    d=lat[:,:2]-c; d[:,0]-=np.round(d[:,0]/L[0,0])*L[0,0]; d[:,1]-=np.round(d[:,1]/L[1,1])*L[1,1]
    r=np.minimum(r,np.hypot(d[:,0],d[:,1]))
bins=[0,3.3,6,10,15,20,30,50,100]
print(' | '.join('%g-%g: %.3f'%(lo,hi,np.median(eps[(r>=lo)&(r<hi)])) for lo,hi in zip(bins[:-1],bins[1:]) if ((r>=lo)&(r<hi)).sum()))
