#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
/* 216 MB of fresh anonymous memory: touched page by page, populated by madvise or mmap, and touched as huge pages
   (docs/performance.md, issue 13 eleventh look). Build: gcc -O2 -o /tmp/page-faults benchmarks/probes/page-faults.c */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(){ size_t sz=216ul<<20;
 for(int rep=0;rep<3;rep++){
  char*p=mmap(0,sz,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  double t0=now(); for(size_t i=0;i<sz;i+=4096)p[i]=1; double t1=now(); munmap(p,sz);
  p=mmap(0,sz,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  double t2=now(); int r=madvise(p,sz,MADV_POPULATE_WRITE); double t3=now(); munmap(p,sz);
  double t3b=now();
  p=mmap(0,sz,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE,-1,0);
  double t4=now(); munmap(p,sz);
  char*h=mmap(0,sz+(2<<20),PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  char*a=(char*)(((unsigned long)h+(2<<20)-1)&~((2ul<<20)-1));
  madvise(a,sz,MADV_HUGEPAGE);
  double t5=now(); for(size_t i=0;i<sz;i+=4096)a[i]=1; double t6=now(); munmap(h,sz+(2<<20));
  printf("touch %.3f  populate_write %.3f (rc %d)  map_populate %.3f  huge pages %.3f\n",t1-t0,t3-t2,r,t4-t3b,t6-t5);
 }}
