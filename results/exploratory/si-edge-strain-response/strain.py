"""Write a homogeneously strained copy of a crystal: strain.py IN EPS KIND OUT.
KIND shear: e_xy = e_yx = EPS; uni: e_xx = EPS; mixed: e_xx = EPS, e_yy = -EPS/2, e_yz = e_zy = EPS
(cubic axes; the Frobenius norm of the mixed strain is 1.80 EPS, of the shear 1.41 EPS)."""
import sys, numpy as np
from ase.io import read, write
a=read(sys.argv[1]); eps=float(sys.argv[2]); kind=sys.argv[3]
F=np.eye(3)
if kind=='shear': F[0,1]=eps; F[1,0]=eps   # symmetric shear e_xy
elif kind=='uni': F[0,0]+=eps
elif kind=='mixed': F[0,0]+=eps; F[1,2]=eps; F[2,1]=eps; F[1,1]-=eps/2
a.set_cell(a.cell.array@F.T, scale_atoms=True)
write(sys.argv[4], a, format='extxyz')
