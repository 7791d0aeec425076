#!/usr/bin/env python3
"""Build ``src/mljobs/enrich/data/skills.json`` from the curated lists below.

The skill taxonomy is hand-curated: every entry in this file was written by a
maintainer, not scraped.  Edit the lists here, then run::

    .venv/bin/python tools/build_skills.py          # writes the JSON
    .venv/bin/python tools/build_skills.py --check  # fails if the JSON is stale

Data block format (one skill per line, ``#`` starts a comment line)::

    Canonical Name | alias | alias | ...

The first field is the canonical name (official product spelling for
products, lower-case for methods and areas, see
``shared/data/eval/LABELS.md``); the remaining fields are surface forms a
posting really uses.  Ambiguous aliases get a context rule (``CONTEXT``) and
/or are matched case-sensitively (``CASE_SENSITIVE``).  The output is
deterministic: skills sorted by case-folded name, aliases in curated order.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

VERSION = "2026.11.0"

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "mljobs" / "enrich" / "data" / "skills.json"

CATEGORIES: dict[str, str] = {
    "language": "Programming, query, markup and modelling languages (Python, R, SQL, Scala, HTML, VHDL).",
    "library": "Code libraries and packages imported into a program (scikit-learn, pandas, spaCy, D3.js).",
    "framework": "Application, web, UI and deep-learning frameworks that structure a program (PyTorch, TensorFlow, Django, React).",
    "platform": "Systems and platforms that software runs on or is built on: big-data and streaming systems, operating systems, containers, enterprise software (Hadoop, Apache Spark, Kafka, Kubernetes, Linux, SAP).",
    "database": "Databases, data stores, search engines and kinds of database (PostgreSQL, MongoDB, Elasticsearch, NoSQL, vector databases).",
    "cloud": "Cloud providers and their managed services (AWS, Amazon SageMaker, BigQuery, Amazon Redshift, Azure Data Factory).",
    "mlops": "Tools for the ML lifecycle: experiment tracking, pipelines, feature stores, model serving and LLM inference, monitoring, data labelling (MLflow, Kubeflow, vLLM, Weights & Biases).",
    "tool": "Developer, office, scientific and analysis tools used by a person (Git, Jira, Excel, SAS, MATLAB toolboxes, Gurobi, Jupyter).",
    "bi-tool": "Business-intelligence, dashboarding, reporting and product-analytics tools (Tableau, Power BI, Looker, Amplitude).",
    "data-format": "File formats, serialisation formats, table formats and data models (JSON, Parquet, Delta Lake, RDF, HDF5).",
    "standard": "Protocols, specifications, regulations and coding standards (REST, OAuth, HIPAA, ICD-10, cGMP).",
    "model": "Named pre-trained models, model families and hosted model APIs (BERT, Llama, GPT-4, Claude, OpenAI API).",
    "method": "Algorithms, models, statistical and analytical techniques (gradient boosting, logistic regression, collaborative filtering, topic modelling, A/B testing).",
    "area": "Fields, problem domains and bodies of knowledge (machine learning, natural language processing, computer vision, recommender systems, statistics, genomics).",
    "practice": "Engineering, data and working practices and processes (MLOps, CI/CD, test-driven development, Agile, data governance, ETL).",
    "lab-technique": "Laboratory and scientific-instrument techniques named in science postings (PCR, ELISA, flow cytometry, HPLC).",
}

CONTEXT_SCHEMA: dict[str, object] = {
    "description": (
        "A skill's optional 'context' is null or ONE rule object. The rule governs only the "
        "surface forms listed in its 'aliases' (which may include the canonical name); every "
        "other surface form of the skill matches unconditionally. A match of a governed form is "
        "accepted only if ALL conditions present in the rule hold (absent keys impose nothing)."
    ),
    "fields": {
        "aliases": "required, non-empty list of strings: the governed surface forms; each is the skill's name or one of its aliases.",
        "near_any": "optional list of terms: at least one must occur within 'window' characters before or after the match (case-insensitive, whole-word match of the term, the match itself excluded).",
        "not_near_any": "optional list of terms: none may occur within 'window' characters before or after the match (same matching as near_any).",
        "window": "optional positive integer, default 200: the number of characters searched on each side for near_any / not_near_any.",
        "not_followed_by": "optional list of strings: the text right after the match, after skipping whitespace, must not start with any of them (case-insensitive; a string ending in a letter or digit must end at a word boundary).",
        "not_preceded_by": "optional list of strings: the text right before the match, after skipping whitespace backwards, must not end with any of them (case-insensitive; a string starting with a letter or digit must start at a word boundary).",
    },
    "case_sensitive_aliases": (
        "Separate optional per-skill key: a list of surface forms (name or aliases) that match only "
        "with exactly this capitalisation (e.g. 'R', 'Go', 'C', 'ML'). All other forms match "
        "case-insensitively. Two case variants of one form may both be listed (e.g. 'Excel', 'EXCEL')."
    ),
    "normalisation": (
        "Aliases are compared case-insensitively after collapsing runs of spaces, hyphens and "
        "underscores; no normalised alias or name belongs to two skills."
    ),
}

_BLOCKS: list[tuple[str, str]] = []


def block(category: str, text: str) -> None:
    """Register a data block of skills of one category."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    _BLOCKS.append((category, text))


# ---------------------------------------------------------------------------
# Data.  Keep each block roughly alphabetical within its theme.
# ---------------------------------------------------------------------------

block("language", r"""
Python | python3 | Python 3 | Python 2 | Python programming | Python scripting
R | R language | R programming | R statistical programming | Rstats | R-lang | GNU R
SQL | ANSI SQL | Structured Query Language | SQL queries | SQL querying | SLQ | relational-style query languages
Scala
Java | Java 8 | Java 11 | Java 17 | Java SE | Core Java
JavaScript | Javascript | JS | ECMAScript | ES6 | vanilla JavaScript
TypeScript | TS | Typescript
C | C language | C programming | ANSI C | C99 | C11
C++ | CPP | C plus plus | C++11 | C++14 | C++17 | C++20 | modern C++
C# | C Sharp | CSharp
Go | Golang | Go language | Go lang
Rust | Rust language | Rustlang
Julia | Julia language | JuliaLang
MATLAB | Matlab
Perl | Perl 5
Ruby
PHP
Kotlin
Swift | Swift language
Objective-C | ObjC | Objective C
Bash | Bash scripting | Bourne Again Shell
PowerShell | Powershell scripting
Lua
Haskell
OCaml
F# | FSharp
Erlang
Elixir
Clojure | ClojureScript
Lisp | Common Lisp
Scheme
Racket
Prolog
Fortran | FORTRAN | Fortran 90
COBOL
Pascal
Delphi | Object Pascal
Ada
Visual Basic | VB6 | Visual Basic 6
VB.NET | Visual Basic .NET
VBA | Visual Basic for Applications | Excel VBA
Groovy
Dart
Solidity
Apex | Salesforce Apex
ABAP | SAP ABAP
assembly language | assembler | x86 assembly | ARM assembly | X86/ARM assembler
VHDL
Verilog
SystemVerilog
HiveQL | HQL | Hive QL
PL/SQL | PLSQL | PL SQL
T-SQL | TSQL | Transact-SQL
SQLScript | SQL script
PL/pgSQL
Cypher | Cypher query language | openCypher
SPARQL
GraphQL
Gremlin
HTML | HTML5 | HTML 5
CSS | CSS3 | CSS 3 | Cascading Style Sheets
Sass | SASS | SCSS
Less CSS
XSLT
XPath
XQuery
AWK | awk | gawk
sed
Tcl | TCL | Tcl/Tk
Stata
Wolfram Language | Mathematica language
Octave | GNU Octave
Modelica
AMPL
GAMS
Stan | Stan language | Stan probabilistic programming language
JAGS | BUGS | WinBUGS
Cython
Mojo | Mojo language
Zig
DAX | Data Analysis Expressions
MDX | Multidimensional Expressions
LookML
KQL | Kusto Query Language
M language | Power Query M
HCL | HashiCorp Configuration Language
Starlark
Q (kdb+) | q language | q/kdb+
SAS language | SAS programming | Base SAS | SAS Base
OpenCL
WebGL | WebGL2
GLSL | shader programming | HLSL
Smalltalk
Raku
""")

block("library", r"""
# --- Python ML and scientific stack
scikit-learn | sklearn | scikit learn | sci-kit learn | scikitlearn | sci-kit-learn | SciKit
pandas | Pandas
NumPy | numpy | Numpy
SciPy | Scipy | scipy
Matplotlib | matplotlib | pyplot
seaborn | Seaborn
Plotly | Plot.ly | plotly.py | Plotly Express
Bokeh
Altair | Vega-Altair
Vega-Lite | Vega
ggplot2 | ggplot
statsmodels | StatsModels
XGBoost | xgboost | XG Boost | XGB
LightGBM | lightgbm | Light GBM | LGBM
CatBoost | catboost
Hugging Face Transformers | HuggingFace Transformers | HF Transformers | transformers library | Huggingface transformers | Hugging Face transformers library
Hugging Face Datasets | HF Datasets
Hugging Face Tokenizers
Hugging Face PEFT | PEFT library
Hugging Face Accelerate
TRL | Transformer Reinforcement Learning library
Diffusers | Hugging Face Diffusers
sentence-transformers | SentenceTransformers | Sentence Transformers | SBERT
timm | PyTorch Image Models
PyTorch Lightning | Lightning AI | pytorch-lightning
fastai | fast.ai
Flax
Optax
Equinox
Haiku | dm-haiku
TensorFlow Probability | TFP
TensorFlow Hub | TF Hub
TensorFlow.js | TFJS | TensorFlow JS
TensorFlow Lite | TFLite | LiteRT
Keras Tuner | KerasTuner
spaCy | Spacy | spacy
NLTK | nltk | Natural Language Toolkit
Gensim | gensim
Stanford CoreNLP | CoreNLP
Apache OpenNLP | OpenNLP
AllenNLP
Flair | Flair NLP
Stanza | Stanford Stanza
TextBlob
fastText | FastText
Apache Tika | Tika
Apache Lucene | Lucene
LangChain | Langchain | LangChain.js
LlamaIndex | Llama Index | GPT Index
LangGraph
Haystack | deepset Haystack
DSPy
Semantic Kernel | Microsoft Semantic Kernel
AutoGen | Microsoft AutoGen | AG2
CrewAI | Crew AI
OpenAI Agents SDK
Pydantic AI | PydanticAI
Instructor | instructor library
Outlines | Outlines library
Guidance | Microsoft Guidance
LiteLLM
Vercel AI SDK
Model Context Protocol | MCP | MCP servers
Transformers.js
OpenCV | opencv | cv2 | Open CV
Pillow | PIL | Python Imaging Library
scikit-image | skimage
torchvision
torchaudio
TorchText
Albumentations
imgaug
Detectron2 | Detectron
MMDetection | OpenMMLab
Ultralytics
Kornia
Open3D
Point Cloud Library | PCL
MediaPipe
dlib
SimpleITK | ITK
MONAI
NiBabel
nilearn
MNE-Python | MNE
Librosa | librosa
ESPnet
SpeechBrain
NVIDIA NeMo | NeMo
Megatron-LM | Megatron
DeepSpeed
FairScale
Horovod
Dask | dask
Modin
Polars | polars
Vaex
PyArrow | pyarrow
Numba | numba
CuPy
RAPIDS | NVIDIA RAPIDS
cuDF
cuML
PySpark | pyspark | Py Spark
Spark MLlib | MLlib | MLib | Spark ML
Koalas | pandas API on Spark
Vowpal Wabbit | VW | VowpalWabbit | vowpal-wabbit
Apache Mahout | Mahout
mlpack
Theano
Chainer
CNTK | Microsoft Cognitive Toolkit
Deeplearning4j | DL4J
Weka | WEKA
MOA | Massive Online Analysis
ELKI
ONNX | Open Neural Network Exchange
ONNX Runtime | onnxruntime | ORT
TensorRT | NVIDIA TensorRT
OpenVINO | Intel OpenVINO
Core ML | CoreML
Apple MLX | MLX
ML.NET
Pyro
NumPyro
PyMC | PyMC3 | PyMC4
ArviZ
Edward | Edward2
GPyTorch
GPy
BoTorch
Ax Platform
scikit-optimize | skopt
Optuna
Hyperopt
SHAP | shap | SHapley Additive exPlanations
LIME | lime
Captum
InterpretML
Fairlearn
AI Fairness 360 | AIF360
Alibi | Alibi Explain
ELI5
Yellowbrick
imbalanced-learn | imblearn
category_encoders | category encoders
Featuretools
tsfresh
sktime
Prophet | Facebook Prophet | fbprophet
NeuralProphet
Darts | Darts library
GluonTS
pmdarima | auto_arima
StatsForecast | Nixtla
tslearn
PyOD
PyCaret
auto-sklearn | autosklearn
TPOT
AutoGluon
FLAML
NetworkX | networkx
igraph | python-igraph
graph-tool
PyTorch Geometric | PyG | torch_geometric
Deep Graph Library | DGL
StellarGraph
Surprise | scikit-surprise
LightFM
RecBole
TensorFlow Recommenders | TFRS
NVIDIA Merlin | Merlin
Faiss | FAISS | faiss
Annoy
hnswlib
ScaNN
Gymnasium | OpenAI Gym | Gym environment
Stable Baselines3 | Stable Baselines | SB3
RLlib | Ray RLlib
TF-Agents
PettingZoo
Unity ML-Agents | ML-Agents
BeautifulSoup | Beautiful Soup | bs4
Scrapy
Requests | python requests
lxml
SQLAlchemy | SQL Alchemy
Alembic
psycopg2 | psycopg
PyMongo
Pydantic | pydantic
Marshmallow
Click | Python Click
Typer
Jinja | Jinja2
asyncio
multiprocessing | Python multiprocessing
Celery | celery
RQ | Redis Queue
Dramatiq
Biopython | BioPython
RDKit | rdkit
DeepChem
OpenMM
Scanpy
AnnData
pysam
scikit-bio
MDAnalysis
GeoPandas | geopandas
Shapely
GDAL | OGR
Rasterio
PyProj
Folium
ArcPy
H3 | Uber H3
OSMnx
SymPy
pandas-profiling | ydata-profiling
Great Tables
tqdm
joblib
Pandera
PyPDF | PyPDF2
pdfplumber
Tesseract | Tesseract OCR | pytesseract
EasyOCR
PaddleOCR
Unstructured (library) | unstructured.io
tiktoken
SentencePiece
bitsandbytes
FlashAttention | Flash Attention
xFormers
Apex (NVIDIA) | NVIDIA Apex
Triton language | OpenAI Triton | Triton kernels
CUTLASS
cuDNN
NCCL
Thrust
oneDNN | MKL-DNN
Intel MKL | MKL | oneMKL
BLAS | OpenBLAS
LAPACK
Eigen | Eigen3
Boost | Boost C++ Libraries
OpenMP
MPI | Message Passing Interface | Open MPI | OpenMPI | MPICH
PETSc
FFTW
Armadillo
pybind11
Boost.Python
JAXopt
Gurobipy | gurobipy
PuLP
Pyomo
CVXPY | cvxpy
OR-Tools | Google OR-Tools | ortools
SimPy
DEAP
# --- R packages
tidyverse | Tidyverse
dplyr
tidyr
data.table
caret | caret package
tidymodels
mlr3 | mlr
randomForest
glmnet
lme4
brms
rstan | RStan
R Shiny | Shiny | RShiny | R-shiny | Shiny apps
R Markdown | RMarkdown | Rmd
knitr
purrr
stringr
lubridate
forecast (R package) | R forecast package
survival (R package)
Bioconductor
DESeq2
edgeR
limma
Seurat
Rcpp
sparklyr
SparkR
leaflet (R package)
sf (R package)
# --- JavaScript and front-end libraries
D3.js | D3 | d3.js | d3 | D3js
Chart.js | ChartJS
Highcharts | HighCharts
ECharts | Apache ECharts
Three.js | threejs
Leaflet | Leaflet.js
OpenLayers
Mapbox | Mapbox GL JS | Mapbox GL
Cesium | CesiumJS
deck.gl
Kepler.gl
jQuery | JQuery
Lodash | lodash | Underscore.js
Redux | Redux Toolkit
Redux-Saga | Redux Saga | redux-saga
MobX
Zustand
RxJS | Rx.js
Axios
Material UI | MUI | Material-UI
Chakra UI
Ant Design | antd
shadcn/ui | shadcn
styled-components
Emotion (CSS-in-JS)
CSS Modules
TanStack Query | React Query
Zod
Prisma | Prisma ORM
TypeORM
Sequelize
Mongoose
Drizzle ORM
Socket.IO | socket.io
BullMQ
Puppeteer
Recharts
Visx
Apollo GraphQL | Apollo Client | Apollo Server
Immer
Storybook
# --- JVM and .NET libraries
Hibernate | Hibernate ORM
Apache Commons
Guava | Google Guava
JUnit | JUnit 5 | Junit
TestNG
Mockito
Log4j | Log4j2
SLF4J
Jackson | Jackson JSON
Lombok | Project Lombok
Entity Framework | EF Core | Entity Framework Core
LINQ
NUnit
xUnit | xUnit.net
Apache Commons Math
Breeze (Scala)
Cats (Scala)
ZIO
# --- C/C++ and other
Qt | Qt5 | Qt6 | PyQt | PySide
GoogleTest | gtest
Catch2
OpenSSL
libcurl
ZeroMQ | ZMQ | 0MQ
gRPC
Protocol Buffers | protobuf | Protobuf | protocol buffer
Apache Thrift | Thrift
Cap'n Proto
FlatBuffers
""")
block("framework", r"""
# --- deep learning frameworks
PyTorch | Pytorch | pytorch | torch | Py Torch
TensorFlow | Tensorflow | tensorflow | TF | TensorFlow 2 | TF2
Keras | keras | tf.keras
JAX | Google JAX
Apache MXNet | MXNet | mxnet
Caffe | caffe
Caffe2
PaddlePaddle | Paddle
Torch (Lua) | Lua Torch
# --- web and backend frameworks
Django | django
Django REST framework | DRF | Django Rest Framework
Flask | flask
FastAPI | Fast API | fastapi
Starlette
Tornado
aiohttp
Sanic
Pyramid (web framework)
Falcon (web framework)
Streamlit | streamlit
Gradio | gradio
Dash | Plotly Dash
HoloViz Panel
Spring | Spring Framework
Spring Boot | SpringBoot | Spring-Boot
Spring Batch
Spring Cloud
Quarkus
Micronaut
Play Framework
Akka | Akka Streams
Vert.x
Dropwizard
Jakarta EE | Java EE | J2EE | JEE
ASP.NET | ASP.NET Core | ASP .NET
Blazor
Express.js | Express | ExpressJS | Express JS
NestJS | Nest.js
Koa | Koa.js
Fastify
Hapi | hapi.js
tRPC
Ruby on Rails | Rails | RoR
Sinatra
Laravel
Symfony
CodeIgniter
Phoenix Framework | Phoenix (Elixir) | Elixir Phoenix
Gin | Gin framework
Echo (Go framework) | Echo framework | Go Echo
Fiber (Go framework) | Go Fiber | GoFiber
Actix | Actix Web
Axum
Tokio
Rocket (Rust) | Rocket.rs
# --- front-end and mobile frameworks
React | React.js | ReactJS | React JS | Reactjs | React 18
React Native | ReactNative
Angular | Angular 2+ | Angular2
AngularJS | Angular.js
Vue.js | Vue | VueJS | Vue 3 | Vue.js 3
Nuxt | Nuxt.js | NuxtJS
Svelte
SvelteKit
Next.js | NextJS | Next JS | Nextjs
Remix
Gatsby
Astro
Ember.js | Ember | EmberJS
Backbone.js | Backbone
Knockout.js
Solid.js | SolidJS
Preact
Alpine.js
htmx
Bootstrap | Twitter Bootstrap
Tailwind CSS | Tailwind | TailwindCSS
Foundation (CSS framework)
Electron | Electron.js
Tauri
Flutter
Ionic
Capacitor | Capacitor.js
Xamarin
.NET MAUI | MAUI
SwiftUI
UIKit
Jetpack Compose
Android Jetpack
Kotlin Multiplatform
Expo | Expo (React Native)
Unity | Unity3D | Unity 3D
Unreal Engine | Unreal | UE5 | UE4
Godot
Cucumber | Gherkin
Robot Framework
Cypress | Cypress.io
Jest
Mocha | Mocha.js
Jasmine
Vitest
Playwright | playwright
Selenium | Selenium WebDriver | WebDriver
Appium
pytest | py.test | Pytest
unittest | PyUnit
Hypothesis (testing library)
""")

block("platform", r"""
# --- Hadoop and big-data ecosystem
Hadoop | Apache Hadoop | Hadoop ecosystem | Hadoop stack
HDFS | Hadoop Distributed File System
MapReduce | Map Reduce | Map-Reduce | Hadoop MapReduce
Hadoop YARN | Apache Hadoop YARN | YARN (Hadoop)
Apache Spark | Spark | spark | Apache Spark Core | Spark Core
Spark Streaming | Spark Structured Streaming | Structured Streaming
Spark SQL | SparkSQL
GraphX | Spark GraphX
Apache Flink | Flink | PyFlink
Apache Storm | Storm
Apache Beam | Beam
Apache Kafka | Kafka | kafka
Kafka Streams | KStreams
Kafka Connect
ksqlDB | KSQL
Confluent | Confluent Platform | Confluent Cloud
Schema Registry | Confluent Schema Registry
Apache Pulsar | Pulsar
RabbitMQ | Rabbit MQ
ActiveMQ | Apache ActiveMQ
NATS
Redpanda
Apache NiFi | NiFi | Ni-Fi
Apache Airflow | Airflow | airflow
Luigi
Prefect
Dagster
Argo Workflows | Argo
Apache Oozie | Oozie
Azkaban
Hive | Apache Hive
Apache Pig | Pig | Pig Latin
Apache HBase | HBase | Hbase
Apache Impala | Impala | Cloudera Impala
Presto | PrestoDB
Trino | Trino (Presto SQL) | PrestoSQL
Apache Drill | Drill
Apache Kylin | Kylin
Apache Sqoop | Sqoop
Apache Flume | Flume
Apache ZooKeeper | ZooKeeper | Zookeeper
Apache Mesos | Mesos
Apache Ambari | Ambari
Apache Tez | Tez
Apache Ranger
Apache Atlas
Apache Livy | Livy
Apache Ignite
Hazelcast
Apache Samza | Samza
Apache Giraph | Giraph
Apache Hama
Apache Crunch
Cascading
Scalding
Apache Calcite
Apache Zeppelin | Zeppelin
Apache Sedona | GeoSpark
Apache Gobblin
Apache Camel
Apache ServiceMix
Cloudera | CDH | Cloudera Data Platform
Hortonworks | HDP | Hortonworks Data Platform
MapR
Databricks | Databricks Lakehouse | Databricks platform
Unity Catalog | Databricks Unity Catalog
Databricks Delta Live Tables | Delta Live Tables
Ray | Ray.io | Anyscale Ray
Ray Serve
Spark on Kubernetes
Dataiku | Dataiku DSS
KNIME
RapidMiner | Altair RapidMiner
DataRobot
H2O.ai | H2O | H2O Driverless AI
SAS Viya | SAS Enterprise Miner | SAS EM
IBM SPSS Modeler | SPSS Modeler
IBM Watson | Watson
IBM watsonx | watsonx.ai | Watson Studio | IBM Watson Studio
Palantir Foundry
Palantir AIP
C3 AI | C3.ai
Alteryx | alteryx | Alteryx Designer
Informatica | Informatica PowerCenter | Informatica IICS
Talend
Ab Initio | AbInitio
SSIS | SQL Server Integration Services
IBM DataStage | DataStage | InfoSphere DataStage
Oracle Data Integrator | ODI
Pentaho Data Integration
Matillion
Fivetran
Stitch | Stitch Data
Airbyte
Meltano
Census | Census reverse ETL
Hightouch
Segment | Twilio Segment | Segment.io
RudderStack
Snowplow | Snowplow Analytics
mParticle
Debezium
Striim
StreamSets
Kafka MirrorMaker
Spring Cloud Data Flow | Spring DataFlow | SCDF
Temporal | Temporal.io
# --- operating systems
Linux | linux | GNU/Linux
Unix | UNIX | Unix/Linux | *nix
Windows | Microsoft Windows | MS Windows
Windows Server
macOS | Mac OS | OS X | Mac OS X
Ubuntu | ubuntu
CentOS | Centos
RHEL | Red Hat Enterprise Linux
Red Hat | RedHat
Debian
Fedora
Rocky Linux
Amazon Linux
SUSE Linux | SUSE | SLES
Solaris | Sun Solaris | Sun Solaris OS | Oracle Solaris
AIX | IBM AIX
HP-UX
FreeBSD
Android | Android OS | Android SDK
iOS | iOS SDK
Windows Subsystem for Linux | WSL
z/OS | zOS
mainframe | mainframes | IBM mainframe
embedded Linux | Yocto | Yocto Project
RTOS | real-time operating system | FreeRTOS | Zephyr RTOS
QNX
VxWorks
# --- containers, orchestration, infra
Docker | docker | Docker containers | Dockerfile | Dockerfiles
Docker Compose | docker-compose
Docker Swarm
Kubernetes | K8s | kubernetes
OpenShift | Red Hat OpenShift | OKD
Rancher | Rancher Kubernetes
RKE2 | RKE
K3s
vcluster | vCluster
Istio
Linkerd
Envoy | Envoy Proxy
Cilium
Calico
containerd
CRI-O
Podman
Buildah
Kaniko
Nomad | HashiCorp Nomad
Consul | HashiCorp Consul
Knative
OpenFaaS
Slurm | SLURM
HTCondor
PBS Pro
IBM Spectrum LSF | LSF
VMware | VMWare
VMware vSphere | vSphere | ESXi
VMware Player | VMWare Player
VirtualBox
Hyper-V
KVM
Xen
QEMU
Proxmox
OpenStack
Portworx
Ceph
MinIO
GlusterFS
Lustre
NetApp
NFS | Network File System
NGINX | Nginx | nginx
Apache HTTP Server | Apache httpd | httpd
Apache Tomcat | Tomcat
JBoss | WildFly
Oracle WebLogic | WebLogic
IBM WebSphere | WebSphere
IIS | Internet Information Services
HAProxy
Traefik
Kong | Kong API Gateway | Kong Gateway
Apigee
MuleSoft | Mule ESB
Cloudflare | Cloudflare Workers
Akamai
Fastly
Vercel | vercel
Netlify
Heroku
Fly.io
Supabase | supabase
Firebase | Google Firebase
Appwrite
PocketBase
Node.js | Node | NodeJS | Node JS | node.js | Nodejs
Deno
Bun.js
.NET | .NET Core | .NET Framework | dotnet | DotNet
JVM | Java Virtual Machine
GraalVM
WebAssembly | Wasm | WASM
CUDA | NVIDIA CUDA | CUDA programming | CUDA C++
ROCm | AMD ROCm
GPU clusters | GPU cluster
TPU | TPUs | Tensor Processing Unit | Cloud TPU
FPGA | FPGAs | field-programmable gate arrays
NVIDIA Jetson | Jetson | Jetson Nano
NVIDIA DGX | DGX
NVIDIA Omniverse | Omniverse
NVIDIA Isaac | Isaac Sim | Isaac Gym
NVIDIA DeepStream | DeepStream
Arduino
Raspberry Pi
ROS | Robot Operating System | ROS2 | ROS 2
Gazebo
CARLA | CARLA simulator
MuJoCo
LAMP | LAMP stack
MEAN stack
MERN stack | MERN
JAMstack
# --- enterprise and SaaS platforms
Salesforce | Salesforce.com | SFDC | Salesforce CRM
HubSpot | Hubspot
SAP | SAP ERP | SAP ECC
SAP S/4HANA | S/4HANA | S4HANA | S/4 HANA
SAP BW | SAP Business Warehouse | SAP BI/BW
SAP BW/4HANA | BW/4HANA | BW4HANA
SAP Data Services | SAP BODS | BODS | BusinessObjects Data Services
SAP SLT | SLT | SAP Landscape Transformation
SAP SDA | SDA | Smart Data Access
SAP SDI | SDI | Smart Data Integration
SAP HANA Live | HANA Live
SAP Datasphere | SAP Data Warehouse Cloud
SAP Analytics Cloud
SAP Fiori | Fiori
SAP SuccessFactors | SuccessFactors
SAP Ariba | Ariba
Oracle E-Business Suite | Oracle EBS
Oracle Fusion | Oracle Cloud ERP
Oracle NetSuite | NetSuite
Oracle PeopleSoft | PeopleSoft
Workday
ServiceNow
Microsoft Dynamics 365 | Dynamics 365 | Microsoft Dynamics | Dynamics CRM
Microsoft Power Platform | Power Platform
Power Apps | PowerApps
Power Automate | Microsoft Flow
Marketo | Adobe Marketo
Salesforce Marketing Cloud | ExactTarget
Adobe Experience Platform | AEP
Adobe Experience Manager | AEM
Adobe Target
Adobe Campaign
Braze
Iterable
Klaviyo
Mailchimp
Zendesk
Intercom
Shopify
Magento | Adobe Commerce
WordPress
Drupal
Contentful
Stripe | Stripe API
Twilio | Twilio API
SendGrid | Sendgrid
Plaid
PayPal | Braintree
Polygon.io
OriginTrail | OriginTrail DKG
Epic (EHR) | Epic Systems | Epic EHR
Cerner | Oracle Health
Veeva | Veeva Vault | Veeva CRM
Medidata Rave | Medidata
Guidewire
Bloomberg Terminal | Bloomberg
Refinitiv Eikon | Refinitiv | Thomson Reuters Eikon
FactSet
Google Earth Engine | Earth Engine | GEE
Kaggle
Google Colab | Colab | Colaboratory
Hugging Face | HuggingFace | Hugging Face Hub | Huggingface
Replicate
Together AI | Together.ai
Fireworks AI
Groq
Cerebras
SambaNova
CoreWeave
Lambda Labs | Lambda Cloud
RunPod
Modal | Modal Labs
Paperspace | Gradient by Paperspace
Vast.ai
Anyscale
Determined AI
Run:ai | Run AI
Domino Data Lab
Amazon Mechanical Turk | Mechanical Turk | MTurk
""")
block("database", r"""
# --- relational
PostgreSQL | Postgres | PostgresSQL | Postgre SQL | PostgreSQL database | PSQL | Postgresql | PostGres
MySQL | MySql | mysql | My SQL
MariaDB
SQLite | sqlite | SQLite3
Microsoft SQL Server | SQL Server | MS SQL Server | MSSQL | MS SQL | SQL Server Database | SQLServer
Oracle Database | Oracle | Oracle DB | Oracle 11g | Oracle 12c | Oracle 19c | Oracle Databases | Oracle RDBMS
IBM Db2 | DB2 | Db2 | IBM DB2
Teradata | teradata
Netezza | IBM Netezza
Vertica | HP Vertica
Greenplum
Sybase | SAP ASE | Sybase ASE
SAP HANA | HANA | SAP Hana
Informix | IBM Informix
Microsoft Access | MS Access | Access | Access database
FileMaker | FileMaker Pro
H2 Database | H2
CockroachDB
YugabyteDB
TiDB
SingleStore | MemSQL
PlanetScale
Neon (Postgres)
AlloyDB | Google AlloyDB
Amazon Aurora | Aurora | AWS Aurora | Aurora PostgreSQL | Aurora MySQL
Oracle Exadata | Exadata
Oracle Label Security | OLS Security | OLS
Exasol
Firebolt
immudb | ImmuDB
PostGIS
pgvector
TimescaleDB | Timescale
# --- NoSQL, key-value, document, wide-column
MongoDB | Mongo | Mongo DB | mongodb
Apache Cassandra | Cassandra | DataStax
ScyllaDB
Couchbase
CouchDB | Apache CouchDB
Redis | redis | Redis Cache
Memcached | memcache
Valkey
DynamoDB | Amazon DynamoDB | AWS DynamoDB | Dynamo DB
Amazon DocumentDB | DocumentDB
Azure Cosmos DB | Cosmos DB | CosmosDB
Firestore | Cloud Firestore
Bigtable | BigTable | Cloud Bigtable | Google Bigtable
Cloud Spanner | Spanner | Google Spanner
Apache Accumulo | Accumulo
RocksDB
LevelDB
etcd
FoundationDB
Riak
Aerospike
MarkLogic
RavenDB
Realm | MongoDB Realm
# --- graph and RDF
Neo4j | neo4j | Neo4J
Amazon Neptune | Neptune
ArangoDB
JanusGraph
TigerGraph
Dgraph
OrientDB
Memgraph
GraphDB | Ontotext GraphDB
Stardog
AllegroGraph
Virtuoso | OpenLink Virtuoso
Apache Jena | Jena
# --- search and vector
Elasticsearch | ElasticSearch | Elastic Search | Elastic
OpenSearch | Amazon OpenSearch | AWS OpenSearch | Amazon OpenSearch Service
Apache Solr | Solr | SOLR
Algolia
Meilisearch
Typesense
Vespa | Vespa.ai
Pinecone
Weaviate
Milvus | Zilliz
Qdrant
Chroma | ChromaDB
LanceDB
Turbopuffer
# --- analytics and time series
Snowflake | snowflake | Snowflake Data Cloud
ClickHouse | Clickhouse
Apache Druid | Druid
Apache Pinot | Pinot
DuckDB | duckdb
MotherDuck
InfluxDB | Influx
kdb+ | kdb | KDB+
QuestDB
Apache Doris
StarRocks
Rockset
TDMS
BOLD | Barcode of Life Data System | BOLD Systems
# --- kinds of database and storage
relational databases | relational database | RDBMS | Relational Database Management Systems | relational database management system | Relational Databases | relational or multi-dimensional databases | relational data stores | SQL databases
NoSQL | noSQL | No-SQL | NoSQL databases | non-relational databases
graph databases | graph database | graph DB | graph stores | triplestore | triple store | triplestore/graph
vector databases | vector database | vector DB | vector stores | vector store
time-series databases | time series database | TSDB
document databases | document database | document store | document stores
key-value stores | key-value store | key value store
columnar databases | columnar database | column-oriented databases | columnar storage
in-memory databases | in-memory database | in-memory data grid
transactional databases | transactional database | OLTP databases
databases | database | DB | database systems knowledge
database systems | database management systems | DBMS
distributed databases | distributed database
OLAP | online analytical processing | OLAP cubes | OLAP cube
OLTP | online transaction processing
data warehousing | data warehouse | data warehouses | warehousing | enterprise data warehouse | EDW | DWH | data warehoused
data marts | data mart
data lakes | data lake | data-lake | datalake
data lakehouse | lakehouse | lakehouse architecture
object storage | blob storage
stored procedures | stored procedure | stored procs
UDFs | UDF | user-defined functions | user defined functions
window functions | window function | analytic functions
self-joins | self join | self-join
database indexing | indexes | indexing strategies
""")

block("cloud", r"""
AWS | Amazon Web Services | Amazon AWS | AWS cloud
Google Cloud Platform | GCP | Google Cloud | Google Cloud Platform (GCP)
Microsoft Azure | Azure | MS Azure | Azure cloud | Windows Azure
Oracle Cloud Infrastructure | OCI | Oracle Cloud
IBM Cloud | IBM Bluemix
Alibaba Cloud | Aliyun
Tencent Cloud
DigitalOcean | Digital Ocean
Linode | Akamai Cloud
OVHcloud | OVH
Hetzner
# --- AWS services
Amazon S3 | S3 | AWS S3 | Simple Storage Service | S3 buckets
Amazon EC2 | EC2 | AWS EC2 | Elastic Compute Cloud
AWS Lambda | Lambda | Lambda functions | AWS Lambdas
Amazon ECS | ECS | AWS ECS | Elastic Container Service
Amazon EKS | EKS | AWS EKS | Elastic Kubernetes Service
AWS Fargate | Fargate
Amazon ECR | ECR | Elastic Container Registry
Amazon EMR | EMR | AWS EMR | Elastic MapReduce | Amazon Elastic MapReduce
Amazon Redshift | Redshift | redshift | AWS Redshift | Redshift Spectrum
Amazon Athena | Athena | AWS Athena
AWS Glue | Glue | Glue ETL | AWS Glue Data Catalog | Glue Data Catalog
AWS Glue DataBrew | DataBrew
AWS Lake Formation | Lake Formation
Amazon Kinesis | Kinesis | Kinesis Data Streams | Kinesis Firehose | Amazon Data Firehose | Kinesis Data Analytics
Amazon MSK | MSK | Managed Streaming for Apache Kafka
Amazon RDS | RDS | AWS RDS | Relational Database Service
Amazon ElastiCache | ElastiCache
Amazon Timestream | Timestream
Amazon QLDB
Amazon SageMaker | SageMaker | AWS SageMaker | Sagemaker | SageMaker Studio | SageMaker AI
Amazon SageMaker Pipelines | SageMaker Pipelines
Amazon SageMaker Ground Truth | SageMaker Ground Truth | Ground Truth
Amazon Bedrock | Bedrock | AWS Bedrock | Bedrock Agents
Amazon Q | Amazon Q Developer | CodeWhisperer | Amazon CodeWhisperer
Amazon Comprehend | Comprehend | AWS Comprehend
Amazon Rekognition | Rekognition
Amazon Textract | Textract
Amazon Transcribe | AWS Transcribe
Amazon Polly
Amazon Lex
Amazon Translate
Amazon Personalize
Amazon Forecast
Amazon Kendra | Kendra
Amazon Connect
AWS Trainium | Trainium
AWS Inferentia | Inferentia
Amazon CloudWatch | CloudWatch | Cloudwatch | AWS CloudWatch
AWS CloudTrail | CloudTrail
AWS X-Ray | X-Ray tracing
AWS CloudFormation | CloudFormation | CFN | Cloudformation
AWS CDK | CDK | Cloud Development Kit
AWS SAM | Serverless Application Model
AWS IAM | IAM roles | IAM policies
Amazon VPC | VPC | VPCs
Amazon SQS | SQS | Simple Queue Service
Amazon SNS | SNS | Simple Notification Service
Amazon EventBridge | EventBridge
Amazon API Gateway | API Gateway | AWS API Gateway
AWS Step Functions | Step Functions
AWS Batch
AWS CodePipeline | CodePipeline
AWS CodeBuild | CodeBuild
AWS CodeDeploy | CodeDeploy
AWS CodeCommit | CodeCommit
Amazon CloudFront | CloudFront
Amazon Route 53 | Route 53 | Route53
Elastic Load Balancing | ELB | ALB | Application Load Balancer
AWS Elastic Beanstalk | Elastic Beanstalk
AWS Secrets Manager | Secrets Manager
AWS KMS | KMS | Key Management Service
AWS Systems Manager | SSM Parameter Store
AWS DMS | Database Migration Service | AWS Database Migration Service
AWS Data Pipeline
Amazon MWAA | MWAA | Managed Workflows for Apache Airflow
Amazon EFS | EFS | Elastic File System
Amazon EBS | EBS | Elastic Block Store
Amazon S3 Glacier | Glacier | S3 Glacier
AWS Amplify | Amplify
AWS AppSync | AppSync
Amazon Cognito | Cognito
AWS WAF
AWS Organizations
AWS Control Tower | Control Tower
AWS Direct Connect | Direct Connect
AWS Outposts
AWS Snowflake Marketplace
AWS Well-Architected Framework | Well-Architected
Amazon Augmented AI | Amazon A2I
AWS Deep Learning AMIs | Deep Learning AMI | DLAMI
AWS ParallelCluster | ParallelCluster
Amazon FSx | FSx for Lustre | FSx
# --- Google Cloud services
BigQuery | Big Query | Google BigQuery | BQ | GBQ | BigQuery ML | BQML
Google Cloud Storage | GCS | Cloud Storage
Google Compute Engine | Compute Engine | GCE
Google Kubernetes Engine | GKE | Google Container Engine
Cloud Run | Google Cloud Run
Cloud Functions | Google Cloud Functions
Google App Engine | App Engine | GAE
Google Cloud Dataflow | Dataflow | Cloud Dataflow
Dataproc | Google Dataproc | Cloud Dataproc
Google Cloud Pub/Sub | Pub/Sub | PubSub | Cloud Pub/Sub
Cloud Composer | Google Cloud Composer
Vertex AI | Google Vertex AI | VertexAI | Google AI Platform | Cloud AI Platform | Cloud ML Engine
Vertex AI Pipelines
Vertex AI Search | Vertex AI Agent Builder
Cloud SQL | Google Cloud SQL
Cloud Build | Google Cloud Build
Artifact Registry | Google Artifact Registry
Dataplex
Dataform
Cloud Data Fusion | Data Fusion
Datastream
Google Cloud Document AI | Document AI
Google Cloud Vision API | Cloud Vision API | Vision API
Google Cloud Natural Language API | Cloud Natural Language
Google Cloud Speech-to-Text | Cloud Speech-to-Text | Google Speech API
Google Cloud Translation API | Cloud Translation | Google Translate API
Dialogflow | Dialogflow CX | API.AI
Google Cloud Operations Suite | Stackdriver | Cloud Logging | Cloud Monitoring
Memorystore | Cloud Memorystore
Cloud Scheduler
Cloud Tasks
Google Cloud Endpoints | Cloud Endpoints
Firebase ML
Google Analytics Hub | Analytics Hub
Cloud Dataprep | Dataprep
Google Cloud Healthcare API | Cloud Healthcare API
Google Workspace | G Suite | GSuite | Google Apps
# --- Microsoft Azure services
Azure Machine Learning | Azure ML | AzureML | Azure Machine Learning Studio | Azure ML Studio
Azure Databricks
Azure Synapse Analytics | Azure Synapse | Synapse | Synapse Analytics | Azure SQL Data Warehouse | Azure SQL DW
Azure Data Factory | ADF | Data Factory
Azure Data Lake Storage | ADLS | ADLS Gen2 | Azure Data Lake | Azure Data Lake Store
Azure Blob Storage | Blob Storage | Azure Storage
Azure SQL Database | Azure SQL | Azure SQL DB
Azure Database for PostgreSQL
Azure Functions | Azure Function
Azure Kubernetes Service | AKS
Azure Container Instances | ACI
Azure Container Registry | ACR
Azure App Service | App Service
Azure DevOps | ADO | VSTS | Visual Studio Team Services
Azure Pipelines
Azure Event Hubs | Event Hubs | Event Hub | EventHub
Azure Event Grid | Event Grid
Azure Service Bus | Service Bus
Azure Stream Analytics | Stream Analytics
Azure HDInsight | HDInsight
Azure Data Explorer | Kusto | ADX
Azure Analysis Services
Azure Logic Apps | Logic Apps
Azure Key Vault | Key Vault
Azure Monitor | Application Insights | App Insights | Log Analytics
Microsoft Entra ID | Azure Active Directory | Azure AD | AAD | Entra ID
Azure Virtual Machines | Azure VMs | Azure VM
Azure Resource Manager | ARM templates | ARM template
Bicep | Azure Bicep
Azure OpenAI Service | Azure OpenAI | AOAI
Azure AI Services | Azure Cognitive Services | Cognitive Services
Azure AI Search | Azure Cognitive Search | Azure Search
Azure AI Foundry | Azure AI Studio | AI Foundry
Azure Bot Service | Bot Framework | Microsoft Bot Framework
Azure IoT Hub | IoT Hub
Azure Batch
Azure Arc
Microsoft Fabric | Fabric | MS Fabric
Microsoft Purview | Azure Purview | Purview
Azure Cosmos DB for MongoDB
# --- other managed services
IBM Cloud Pak for Data | Cloud Pak for Data | CP4D
Oracle Autonomous Database | Autonomous Data Warehouse
Snowflake Snowpark | Snowpark
Snowflake Cortex | Cortex AI
Databricks SQL | DBSQL
Databricks Mosaic AI | Mosaic AI | MosaicML
Heroku Postgres
MongoDB Atlas | Atlas
Elastic Cloud
Confluent Cloud (managed Kafka)
Aiven
""")
